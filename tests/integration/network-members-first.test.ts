// Issue 14: a network meeting opens registration to the network's members first, to everyone else only from its
// open-to-all date; before it a non-member sees why (with the date) and the register action refuses them (403).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "../../db/repositories/users.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

describe.each(await dialects())("network meetings: registration for members first (%s)", (dialect) => {
  let app: TestServer;
  let member: TestClient;
  let kalisz: TestClient;
  let anonymous: TestClient;
  let meeting: { id: number; slug: string; startsAt: string };
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    member = await signedIn(app.url, "member"); // Dzierżoniów, a member of "Zmiany demograficzne"
    kalisz = await signedIn(app.url, null);
    await kalisz.login("kalisz@frl.test"); // Kalisz is not a member of it
    anonymous = await signedIn(app.url, null);
    const page = (await app.services.networks.page("zmiany-demograficzne", null))!;
    // A meeting more than 14 days ahead: still members-only by default.
    meeting = page.upcoming.find((m) => Date.parse(m.startsAt) > Date.now() + 30 * 86_400_000)!;
  });
  afterAll(async () => app?.stop());

  it("before the date a non-member sees why and when, and registering is refused with 403; nothing is stored", async () => {
    const { html } = await kalisz.html(`/wydarzenia/${meeting.slug}`);
    expect(html).toContain("najpierw zapisują się jej członkowie");
    expect(html).toContain("Pozostałe osoby mogą się zapisać od");
    expect(html).not.toContain('value="register"');
    const res = await kalisz.post(`/wydarzenia/${meeting.slug}`, { intent: "register" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Pozostałe osoby mogą się zapisać od");
    const k = (await findUserByEmail(app.services.db.db, "kalisz@frl.test"))!;
    expect(await app.services.events.registrationState({ id: k.id, role: k.role, cityId: k.verifiedCityId }, meeting.id)).toBeNull();
    // Anonymous people get the sign-in link and the same explanation.
    expect((await anonymous.html(`/wydarzenia/${meeting.slug}`)).html).toContain("najpierw zapisują się jej członkowie");
  });

  it("a member registers before the date and is told when it opens to everyone", async () => {
    const { html } = await member.html(`/wydarzenia/${meeting.slug}`);
    expect(html).toContain("Członkowie sieci zapisują się w pierwszej kolejności");
    const res = await member.post(`/wydarzenia/${meeting.slug}`, { intent: "register" });
    expect(res.status).toBe(200);
    expect((await member.html(`/wydarzenia/${meeting.slug}`)).html).toContain("Jesteś zapisana/zapisany");
  });

  it("from the open-to-all date (moved by staff) everyone may register; other events are not affected", async () => {
    const admin = (await findUserByEmail(app.services.db.db, "admin@frl.test"))!;
    await app.services.networks.setOpenToAll({ id: admin.id, role: admin.role, cityId: null }, "zmiany-demograficzne", meeting.id, new Date(Date.now() - 60_000).toISOString());
    expect((await kalisz.html(`/wydarzenia/${meeting.slug}`)).html).toContain('value="register"');
    expect((await kalisz.post(`/wydarzenia/${meeting.slug}`, { intent: "register" })).status).toBe(200);
    await expect(app.services.networks.setOpenToAll({ id: 99, role: "member", cityId: null }, "zmiany-demograficzne", meeting.id, null)).rejects.toMatchObject({ name: "PermissionError" });
  });
});
