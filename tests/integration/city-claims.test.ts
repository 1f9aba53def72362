// Issue 10: a city stated at registration or in /konto grants nothing until an admin or the city's coordinator
// accepts it; acceptance grants agenda co-design, good-practice proposals and the city page listing; rejection and a
// change of city take them away. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAgendaSettings } from "../../db/repositories/agenda.js";
import { findCalendarTokenUser } from "../../db/repositories/calendar-tokens.js";
import { hashToken } from "../../server/auth/tokens.js";
import { createCityClaimService } from "../../server/cities/city-claim-service.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { readMail } from "../setup/mail.js";
import { t } from "../../domain/i18n/index.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, within } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

describe.each(await dialects())("city affiliation claims on %s", (dialect) => {
  let app: TestServer;
  let admin: TestClient;
  let kaliszId: number;
  let dzierzoniowId: number;
  let seq = 0;

  const cityIdOf = async (slug: string) => (await app.services.db.db.selectFrom("cities").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;

  /** Registers someone stating a city, through the same service the /register form calls; returns a signed-in client. */
  async function claimant(cityId: number) {
    const n = ++seq;
    const email = `przedstawiciel${n}-${process.pid}@example.pl`;
    const name = `Przedstawiciel Testowy ${n}`;
    const registered = await app.services.auth.register(
      { name, email, password: "Prosna-rower-Kalisz-2026", affiliation: "city", cityId, position: "Urząd Miasta" },
      { ip: "127.0.0.1", baseUrl: "http://127.0.0.1" },
    );
    if (registered.userId === null) throw new Error(`${email} is already registered`);
    const userId = registered.userId;
    const token = await app.services.auth.startSession(userId, "vitest");
    const client = new TestClient(app.url);
    client.setCookie("frl_session", token);
    await client.get("/konto");
    return { client, userId, email, name };
  }

  const claimIdOf = async (userId: number) =>
    (await app.services.db.db.selectFrom("cityClaims").select("id").where("userId", "=", userId).where("status", "=", "pending").executeTakeFirstOrThrow()).id;

  /** What the person can do as the city's representative, seen from outside through HTTP. */
  async function rights(client: TestClient, name: string, citySlug: string, draftOf: string) {
    return {
      propose: (await client.get("/biblioteka/nowa")).status,
      agendaDraft: (await client.get(`/wydarzenia/${draftOf}/program.md?szkic=1`)).status,
      listed: (await new TestClient(app.url).html(`/miasta/${citySlug}`)).html.includes(name),
    };
  }
  const none = { propose: 403, agendaDraft: 404, listed: false };
  const granted = { propose: 200, agendaDraft: 200, listed: true };

  /** A co-design workspace limited to Kalisz; returns the event's slug. */
  async function kaliszAgenda(): Promise<{ slug: string; eventId: number }> {
    const eventId = await createAgendaEvent(app.services.db);
    await saveAgendaSettings(app.services.db.db, { eventId, mode: "cities", cityIds: [kaliszId], open: true, dotsBudget: 5 }, null);
    return { eventId, slug: (await app.services.events.byId(eventId))!.slug };
  }

  beforeAll(async () => {
    app = await startTestServer({ dialect });
    admin = await signedIn(app.url, "admin");
    await admin.get("/admin/miasta-zgloszenia");
    kaliszId = await cityIdOf("kalisz");
    dzierzoniowId = await cityIdOf("dzierzoniow");
  });
  afterAll(async () => app?.stop());

  it("a pending claim grants nothing; acceptance grants; changing the city in /konto revokes at once", async () => {
    const { slug, eventId } = await kaliszAgenda();
    const p = await claimant(kaliszId);

    expect(await rights(p.client, p.name, "kalisz", slug)).toEqual(none);
    // The live co-design socket refuses the claimant too (the same session user feeds it).
    const ws = connectAgenda(app.url, `agenda:${eventId}`, p.client.cookieHeader());
    expect(await within(Promise.race([ws.closed, ws.synced.then(() => "synced" as const)]), 5000)).toBe(4403);
    ws.destroy();
    expect((await p.client.html("/konto")).html).toContain("Kalisz: oczekuje na potwierdzenie");

    const queue = await admin.html("/admin/miasta-zgloszenia");
    expect(queue.html).toContain(p.name);
    const res = await admin.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: String(await claimIdOf(p.userId)), decision: "accept", reason: "" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`Potwierdzono: ${p.name} reprezentuje miasto Kalisz.`);

    expect(await rights(p.client, p.name, "kalisz", slug)).toEqual(granted);
    expect((await p.client.html("/konto")).html).toContain("Kalisz: potwierdzone");
    const mail = readMail(app.dataDir).filter((m) => m.to === p.email && m.subject !== t.auth.register.welcomeMailSubject);
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain("potwierdziliśmy, że reprezentujesz miasto Kalisz");
    const audit = await app.services.db.db.selectFrom("auditLog").select(["action", "subjectType"]).where("action", "=", "city_claim.accepted").execute();
    expect(audit).toContainEqual({ action: "city_claim.accepted", subjectType: "city_claim" });

    // A second decision on the same claim is refused and changes nothing.
    const again = await admin.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: String((await app.services.cityClaims.latest(p.userId))!.id), decision: "reject" });
    expect(again.status).toBe(409);
    expect(await rights(p.client, p.name, "kalisz", slug)).toEqual(granted);

    // Moving to Dzierżoniów: Kalisz rights end now, Dzierżoniów waits for review.
    const moved = await p.client.post("/konto", { intent: "profile", name: p.name, affiliation: "city", cityId: String(dzierzoniowId), position: "Urząd Miasta" });
    expect(moved.status).toBe(200);
    expect(await rights(p.client, p.name, "kalisz", slug)).toEqual(none);
    expect((await p.client.get("/biblioteka/nowa")).status).toBe(403);
    expect((await new TestClient(app.url).html("/miasta/dzierzoniow")).html).not.toContain(p.name);
    expect((await p.client.html("/konto")).html).toContain("Dzierżoniów: oczekuje na potwierdzenie");

    // The history keeps every claim: Kalisz accepted by the admin, Dzierżoniów pending.
    const history = await app.services.db.db.selectFrom("cityClaims").select(["cityId", "status", "decidedBy"]).where("userId", "=", p.userId).orderBy("id").execute();
    expect(history.map((h) => [h.cityId, h.status, h.decidedBy !== null])).toEqual([
      [kaliszId, "accepted", true],
      [dzierzoniowId, "pending", false],
    ]);
  });

  it("a coordinator decides their own city's claims only; a rejection is mailed with its reason and grants nothing", async () => {
    const { slug } = await kaliszAgenda();
    const kaliszRep = await app.services.db.db.selectFrom("users").select("id").where("email", "=", "kalisz@frl.test").executeTakeFirstOrThrow();
    const coordinator = new TestClient(app.url);
    await coordinator.login("kalisz@frl.test");
    expect((await coordinator.get("/admin/miasta-zgloszenia")).status).toBe(403); // a representative, not yet coordinator

    expect((await admin.post("/admin/miasta-zgloszenia", { intent: "coordinator", userId: String(kaliszRep.id), coordinator: "1" })).status).toBe(200);
    const p = await claimant(kaliszId);
    const other = await claimant(dzierzoniowId);

    const queue = await coordinator.html("/admin/miasta-zgloszenia");
    expect(queue.status).toBe(200);
    expect(queue.html).toContain(p.name);
    expect(queue.html).not.toContain(other.name);
    expect((await coordinator.get("/admin/uzytkownicy")).status).toBe(403);

    const elsewhere = await coordinator.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: String(await claimIdOf(other.userId)), decision: "accept" });
    expect(elsewhere.status).toBe(403);
    expect(await rights(other.client, other.name, "dzierzoniow", slug)).toEqual(none);

    const rejected = await coordinator.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: String(await claimIdOf(p.userId)), decision: "reject", reason: "Brak potwierdzenia z urzędu" });
    expect(rejected.status).toBe(200);
    expect(await rights(p.client, p.name, "kalisz", slug)).toEqual(none);
    const konto = (await p.client.html("/konto")).html;
    expect(konto).toContain("Kalisz: odrzucone");
    expect(konto).toContain("Brak potwierdzenia z urzędu");
    const mail = readMail(app.dataDir).filter((m) => m.to === p.email && m.subject !== t.auth.register.welcomeMailSubject);
    expect(mail.map((m) => m.text.includes("nie potwierdziliśmy") && m.text.includes("Uzasadnienie: Brak potwierdzenia z urzędu"))).toEqual([true]);
    const audit = await app.services.db.db.selectFrom("auditLog").select(["actorId", "subjectId"]).where("action", "=", "city_claim.rejected").execute();
    expect(audit).toContainEqual({ actorId: kaliszRep.id, subjectId: String((await app.services.cityClaims.latest(p.userId))!.id) });

    // Bad input is a Polish 400, nothing stored.
    const bad = await coordinator.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: "abc", decision: "maybe" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Wybierz, czy potwierdzasz, czy odrzucasz zgłoszenie.");
  });

  it("the queue page's permission matrix: anonymous, unverified member, representative, coordinator, moderator, admin", async () => {
    const unverified = await claimant(kaliszId);
    const representative = await claimant(dzierzoniowId);
    const coordinator = await claimant(dzierzoniowId);
    for (const c of [representative, coordinator]) {
      await admin.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: String(await claimIdOf(c.userId)), decision: "accept" });
    }
    await admin.post("/admin/miasta-zgloszenia", { intent: "coordinator", userId: String(coordinator.userId), coordinator: "1" });
    const clients = {
      anonymous: new TestClient(app.url),
      unverified: unverified.client,
      representative: representative.client,
      coordinator: coordinator.client,
      moderator: await signedIn(app.url, "moderator"),
      admin,
    };
    const status: Record<string, [number, number]> = {};
    for (const [who, c] of Object.entries(clients)) {
      await c.get("/login");
      const page = await c.get("/admin/miasta-zgloszenia");
      // A decision on a claim nobody has: 404 for those allowed to decide, the usual refusal for the rest.
      const post = await c.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: "99999999", decision: "accept" });
      status[who] = [page.status, post.status];
    }
    expect(status).toEqual({
      anonymous: [302, 302],
      unverified: [403, 403],
      representative: [403, 403],
      coordinator: [200, 404],
      moderator: [403, 403],
      admin: [200, 404],
    });
    // Only admins name coordinators.
    expect((await coordinator.client.post("/admin/miasta-zgloszenia", { intent: "coordinator", userId: String(representative.userId), coordinator: "1" })).status).toBe(403);
  });

  it("calls onAccessChanged after every change of a person's verified city", async () => {
    const changed: number[] = [];
    const service = createCityClaimService({ db: app.services.db, mailer: app.services.mailer, logger: app.services.logger, onAccessChanged: (id) => void changed.push(id) });
    const adminActor = { id: (await app.services.db.db.selectFrom("users").select("id").where("email", "=", "admin@frl.test").executeTakeFirstOrThrow()).id, role: "admin" as const, cityId: null };
    const p = await claimant(kaliszId);
    await service.decide(adminActor, { claimId: await claimIdOf(p.userId), decision: "accept", reason: null });
    expect(changed).toEqual([p.userId]);
    await service.updateProfile(p.userId, { name: p.name, affiliation: "city", cityId: dzierzoniowId, position: null });
    expect(changed).toEqual([p.userId, p.userId]);
    await service.decide(adminActor, { claimId: await claimIdOf(p.userId), decision: "reject", reason: null });
    expect(changed).toEqual([p.userId, p.userId, p.userId]);
  });

  it("the personal calendar feed acts for its owner with the verified city only", async () => {
    const p = await claimant(kaliszId);
    const page = await p.client.post("/konto", { intent: "calendar" });
    const token = /\/kalendarz\/([A-Za-z0-9_-]{43})\.ics/.exec(await page.text())![1];
    const feedOwner = () => findCalendarTokenUser(app.services.db.db, hashToken(token));
    expect((await feedOwner())?.cityId).toBeNull();
    await admin.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: String(await claimIdOf(p.userId)), decision: "accept", reason: "" });
    expect((await feedOwner())?.cityId).toBe(kaliszId);
  });

  it("the demo representatives are verified", async () => {
    const member = await signedIn(app.url, "member");
    expect((await member.get("/biblioteka/nowa")).status).toBe(200);
    expect((await member.html("/konto")).html).toContain("Dzierżoniów: potwierdzone");
    expect((await new TestClient(app.url).html("/miasta/kalisz")).html).toContain("Piotr Kaliski");
  });
});
