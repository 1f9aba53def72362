import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { settingsForm } from "../factories/notification-settings.js";
import { readMail, waitForMail } from "../setup/mail.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

type FileMail = { to: string; subject: string; text: string; headers?: Record<string, string> };

describe.each(await dialects())("library digest on %s", (dialect) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());

  const financeSlugs = async () =>
    (
      await app.services.db.db
        .selectFrom("libraryItems")
        .innerJoin("libraryItemAreas", "libraryItemAreas.itemId", "libraryItems.id")
        .innerJoin("thematicAreas", "thematicAreas.id", "libraryItemAreas.areaId")
        .select("libraryItems.slug")
        .where("thematicAreas.slug", "=", "finanse")
        .where("libraryItems.status", "=", "published")
        .execute()
    ).map((r) => r.slug);

  it("mails a daily digest of new library items in the followed areas, once, with a one-click unsubscribe that stops it", async () => {
    const person = await buildMemberClient(app);
    const idle = await buildMemberClient(app);
    await person.client.get("/konto/powiadomienia");
    expect((await person.client.post("/konto/powiadomienia", settingsForm({ channel_event_reminder: "mail", channel_materials_added: "mail", digest: "daily", "areas[]": ["finanse"] }))).status).toBe(200);

    expect(await app.services.notifications.runDigests()).toBeGreaterThanOrEqual(1);
    const [mail] = (await waitForMail(app.dataDir, (m) => m.to === person.email && m.subject.startsWith("Nowości w bibliotece"))) as FileMail[];
    const finance = await financeSlugs();
    const linked = [...mail.text.matchAll(/\/biblioteka\/([a-z0-9-]+)/g)].map((m) => m[1]);
    expect(linked.length).toBeGreaterThan(0);
    for (const slug of linked) expect(finance, slug).toContain(slug);
    expect(mail.text).toContain("Od wczoraj w bibliotece Forum Rozwoju Lokalnego pojawiło się");
    expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(readMail(app.dataDir).some((m) => m.to === idle.email && m.subject.startsWith("Nowości"))).toBe(false);

    // A second run the same day (another instance, a restart) sends nothing more.
    await Promise.all([app.services.notifications.runDigests(), app.services.notifications.runDigests()]);
    await new Promise((r) => setTimeout(r, 500));
    expect(readMail(app.dataDir).filter((m) => m.to === person.email && m.subject.startsWith("Nowości")).length).toBe(1);

    const link = /^<(.+)>$/.exec(mail.headers!["List-Unsubscribe"])![1];
    const url = new URL(link);
    const res = await fetch(`${app.url}${url.pathname}${url.search}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Wypisano. Nie będziesz już dostawać e-maili: „Podsumowanie nowości”.");
    expect((await person.client.html("/konto/powiadomienia")).html).toMatch(/<input[^>]*id="digest_off"[^>]*checked/);
  });
});
