import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { everyChannel } from "../factories/notifications.js";

const checked = (html: string, id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*checked`).test(html);

describe.each(await dialects())("notification settings and one-click unsubscribe on %s", (dialect) => {
  let app: TestServer;
  let member: Awaited<ReturnType<typeof buildMemberClient>>;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    member = await buildMemberClient(app);
  });
  afterAll(async () => app?.stop());

  it("opens the unsubscribe link without a login, names what it stops and changes nothing until the button", async () => {
    const url = new URL(app.services.notifications.unsubscribeUrl(member.userId, "event_reminder"));
    const page = await new TestClient(app.url).html(url.pathname + url.search);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Nie będziesz już dostawać e-maili: „Przypomnienia przed wydarzeniem”.");
    expect(page.html).toContain("Wypisz mnie");
    expect(checked((await member.client.html("/konto/powiadomienia")).html, "channel_event_reminder_mail")).toBe(true);
  });

  it("unsubscribes with one POST (RFC 8058) from a mail client: no session, no CSRF token, no Origin", async () => {
    const url = new URL(app.services.notifications.unsubscribeUrl(member.userId, "event_reminder"));
    const res = await fetch(`${app.url}${url.pathname}${url.search}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Wypisano. Nie będziesz już dostawać e-maili: „Przypomnienia przed wydarzeniem”.");
    const settings = (await member.client.html("/konto/powiadomienia")).html;
    expect(checked(settings, "channel_event_reminder_app")).toBe(true);
    expect(checked(settings, "channel_event_reminder_mail")).toBe(false);
  });

  it("refuses a forged or malformed unsubscribe link in Polish and changes nothing", async () => {
    const other = await buildMemberClient(app);
    const genuine = new URL(app.services.notifications.unsubscribeUrl(member.userId, "materials_added")).searchParams.get("token")!;
    const forged = genuine.replace(/^\d+/, String(other.userId));
    for (const token of [forged, "abc", "", `${other.userId}.registration_confirmed.${"a".repeat(43)}`]) {
      const res = await fetch(`${app.url}/powiadomienia/wypisz?token=${encodeURIComponent(token)}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(res.status, token).toBe(400);
      expect(await res.text()).toContain("Ten link do wypisania się jest nieprawidłowy.");
    }
    expect(checked((await other.client.html("/konto/powiadomienia")).html, "channel_materials_added_mail")).toBe(true);
  });

  it("lets a signed-in person choose mail, in-app or off per kind, a digest and followed areas; transactional kinds stay on", async () => {
    const person = await buildMemberClient(app);
    const page = await person.client.html("/konto/powiadomienia");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Potwierdzenie zapisu na wydarzenie");
    expect(page.html).toContain("Zawsze e-mailem — tego nie można wyłączyć");
    expect(page.html).not.toContain('name="channel_registration_confirmed"');
    const res = await person.client.post("/konto/powiadomienia", { ...everyChannel("mail"), channel_event_reminder: "off", channel_materials_added: "app", digest: "weekly", "areas[]": ["finanse", "smart-city", "nie-ma-takiego"] });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Ustawienia powiadomień zapisane.");
    const after = (await person.client.html("/konto/powiadomienia")).html;
    for (const id of ["channel_event_reminder_off", "channel_materials_added_app", "digest_weekly", "area_finanse", "area_smart-city"]) expect(checked(after, id), id).toBe(true);
    expect(checked(after, "area_demografia")).toBe(false);
  });

  it("refuses a choice that is not on the form (400, Polish, nothing saved), a post without the CSRF token, and anonymous visitors", async () => {
    const person = await buildMemberClient(app);
    await person.client.get("/konto/powiadomienia");
    const bad = await person.client.post("/konto/powiadomienia", { ...everyChannel("mail"), channel_event_reminder: "sms", channel_materials_added: "off", digest: "daily" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Wybierz jedną z podanych możliwości.");
    const page = (await person.client.html("/konto/powiadomienia")).html;
    expect(checked(page, "digest_off")).toBe(true);
    expect(checked(page, "channel_materials_added_mail")).toBe(true);
    expect((await person.client.post("/konto/powiadomienia", { ...everyChannel("mail"), channel_event_reminder: "off", channel_materials_added: "off", digest: "daily" }, { csrf: false })).status).toBe(403);
    const anonymous = await new TestClient(app.url).get("/konto/powiadomienia");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/login");
  });
});
