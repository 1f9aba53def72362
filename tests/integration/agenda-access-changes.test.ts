// Issue 10: an open /collab connection follows the agenda's co-design settings and its person's session as they
// change (restricted to other cities or its person moved to another city: 4403; co-design closed: read-only, and the
// client is told; logged out, blocked, password reset or changed elsewhere: 4401), also when the change is made on
// another instance.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { findCityBySlug } from "../../db/repositories/cities.js";
import { findEventById } from "../../db/repositories/events.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { readMail } from "../setup/mail.js";
import { createTestDatabase } from "../setup/postgres.js";
import { redisUnavailableReason, TEST_REDIS_URL } from "../setup/redis.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";
import { createPerson } from "./access-support.js";
import { connectAgenda, eventually, within, type AgendaClient } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

const redisSkip = await redisUnavailableReason();

/** Saves co-design settings through the workspace form, as a moderator would. */
async function moderatorSets(app: TestServer, eventId: number, s: { mode: "all" | "cities"; citySlugs?: string[]; open: boolean }): Promise<void> {
  const db = app.services.db.db;
  const slug = (await findEventById(db, eventId))!.slug;
  const cityIds = await Promise.all((s.citySlugs ?? []).map(async (c) => String((await findCityBySlug(db, c))!.id)));
  const mod = await signedIn(app.url, "moderator");
  await mod.get(`/wydarzenia/${slug}/program`);
  const res = await mod.post(`/wydarzenia/${slug}/program`, { intent: "settings", mode: s.mode, cityIds, dotsBudget: "5", ...(s.open ? { open: "1" } : {}) });
  expect(res.status).toBe(200);
}

const titles = (c: AgendaClient) =>
  agendaRoots(c.doc)
    .sessions.toArray()
    .map((m) => m.get("title"));

describe.each(await dialects())("/collab connections follow access changes (%s)", (dialect) => {
  let app: TestServer;
  const clients: AgendaClient[] = [];
  const open = (docName: string, cookie: string) => {
    const c = connectAgenda(app.url, docName, cookie);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await app?.stop();
  });

  it("an editor of an agenda restricted to other cities is closed with 4403; an editor from a listed city carries on", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const outsider = open(`agenda:${eventId}`, (await createPerson(app, "member", "dzierzoniow")).cookie);
    const insider = open(`agenda:${eventId}`, (await createPerson(app, "member", "kalisz")).cookie);
    await Promise.all([outsider.synced, insider.synced]);
    await moderatorSets(app, eventId, { mode: "cities", citySlugs: ["kalisz"], open: true });
    expect(await within(outsider.closed, 5000)).toBe(4403);
    agendaRoots(insider.doc).sessions.push([createSessionMap({ id: "k", title: "Kalisz nadal edytuje" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.some((s) => s.title === "Kalisz nadal edytuje"), "the listed city's edit is stored");
  });

  it("closing co-design turns an open editor read-only: the connection stays, its edits are no longer taken", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const member = open(`agenda:${eventId}`, (await createPerson(app, "member", "kalisz")).cookie);
    await member.synced;
    agendaRoots(member.doc).sessions.push([createSessionMap({ id: "a", title: "Przed zamknięciem" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "the first edit is stored");
    await moderatorSets(app, eventId, { mode: "all", open: false });
    agendaRoots(member.doc).sessions.push([createSessionMap({ id: "b", title: "Po zamknięciu" })]);
    // A later edit by staff arrives, so the reader's connection is still open.
    const staff = open(`agenda:${eventId}`, (await createPerson(app, "moderator")).cookie);
    await staff.synced;
    agendaRoots(staff.doc).sessions.push([createSessionMap({ id: "c", title: "Od moderatora" })]);
    await eventually(() => titles(member).includes("Od moderatora"), "the read-only member still receives edits");
    await new Promise((r) => setTimeout(r, 300));
    expect((await app.services.agenda.current(eventId)).sessions.map((s) => s.title)).toEqual(["Przed zamknięciem", "Od moderatora"]);
    expect(await within(member.closed, 100)).toBe("timeout");
  });

  it("an open editor is told when co-design closes (read-only) and when it reopens (editable again)", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const member = open(`agenda:${eventId}`, (await createPerson(app, "member", "kalisz")).cookie);
    await member.synced;
    await eventually(() => member.access.length > 0, "the server says what it does with the editor's edits");
    expect(member.access).toEqual(["edit"]);
    await moderatorSets(app, eventId, { mode: "all", open: false });
    await eventually(() => member.access.at(-1) === "read", "the editor learns co-design closed", 5000);
    await moderatorSets(app, eventId, { mode: "all", open: true });
    await eventually(() => member.access.at(-1) === "edit", "the editor learns co-design reopened", 5000);
    expect(member.access).toEqual(["edit", "read", "edit"]);
    // Told "edit" again, its edits are stored again.
    agendaRoots(member.doc).sessions.push([createSessionMap({ id: "r", title: "Po ponownym otwarciu" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.some((s) => s.title === "Po ponownym otwarciu"), "the reopened editor's edit is stored");
  });

  it("a person who connects while co-design is closed is told read-only at once", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    await moderatorSets(app, eventId, { mode: "all", open: false });
    const member = open(`agenda:${eventId}`, (await createPerson(app, "member", "kalisz")).cookie);
    await member.synced;
    await eventually(() => member.access.length > 0, "the server says the connection is read-only");
    expect(member.access).toEqual(["read"]);
  });

  it("a city editor who moves to another city in /konto is closed with 4403 at once (the new claim is pending)", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    await moderatorSets(app, eventId, { mode: "cities", citySlugs: ["kalisz"], open: true });
    const person = await createPerson(app, "member", "kalisz");
    const browser = await person.client(app.url);
    const editor = open(`agenda:${eventId}`, person.cookie);
    await editor.synced;
    await eventually(() => editor.access.at(-1) === "edit", "the verified Kalisz editor may edit");

    const dzierzoniow = (await findCityBySlug(app.services.db.db, "dzierzoniow"))!.id;
    const moved = await browser.post("/konto", { intent: "profile", name: "Osoba Przeprowadzka", affiliation: "city", cityId: String(dzierzoniow), position: "" });
    expect(moved.status).toBe(200);
    expect(await within(editor.closed, 5000)).toBe(4403);
    expect((await browser.html("/konto")).html).toContain("Dzierżoniów: oczekuje na potwierdzenie");
  });

  it("moving back to the agenda's city only files a claim: refused while pending and after an admin rejects it, let in once accepted", async () => {
    const db = app.services.db.db;
    const eventId = await createAgendaEvent(app.services.db);
    await moderatorSets(app, eventId, { mode: "cities", citySlugs: ["kalisz"], open: true });
    const person = await createPerson(app, "member", "kalisz");
    const browser = await person.client(app.url);
    const editor = open(`agenda:${eventId}`, person.cookie);
    await editor.synced;
    const [kalisz, dzierzoniow] = await Promise.all(["kalisz", "dzierzoniow"].map(async (c) => (await findCityBySlug(db, c))!.id));
    const profile = (cityId: number) => browser.post("/konto", { intent: "profile", name: "Osoba Powrót", affiliation: "city", cityId: String(cityId), position: "" });
    expect((await profile(dzierzoniow)).status).toBe(200);
    expect(await within(editor.closed, 5000)).toBe(4403);
    // Back to Kalisz: a new claim, not the old verification.
    expect((await profile(kalisz)).status).toBe(200);
    const refused = async () => {
      const c = open(`agenda:${eventId}`, person.cookie);
      return within(Promise.race([c.closed, c.synced.then(() => "synced" as const)]), 5000);
    };
    expect(await refused()).toBe(4403);

    // A claim cannot be pending while a city is verified, so a rejection has no editor to close: it only keeps the door shut.
    const admin = await signedIn(app.url, "admin");
    await admin.get("/admin/miasta-zgloszenia");
    const claimId = async () => (await db.selectFrom("cityClaims").select("id").where("userId", "=", person.userId).where("status", "=", "pending").executeTakeFirstOrThrow()).id;
    const rejected = await admin.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: String(await claimId()), decision: "reject", reason: "" });
    expect(rejected.status).toBe(200);
    expect(await refused()).toBe(4403);

    // A fresh claim for Kalisz, accepted this time: the person edits again.
    expect((await profile(dzierzoniow)).status).toBe(200);
    expect((await profile(kalisz)).status).toBe(200);
    expect((await admin.post("/admin/miasta-zgloszenia", { intent: "decide", claimId: String(await claimId()), decision: "accept", reason: "" })).status).toBe(200);
    expect(await refused()).toBe("synced");
  });

  it("a password reset closes every /collab connection of the account with 4401", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const person = await createPerson(app, "member");
    const other = await app.services.auth.login(person.email, "haslo-osoby-testowej-1", { ip: "127.0.0.1", userAgent: "drugie urządzenie" });
    const conns = [open(`agenda:${eventId}`, person.cookie), open(`agenda:${eventId}`, `frl_session=${other.token}`)];
    await Promise.all(conns.map((c) => c.synced));

    const anon = new TestClient(app.url);
    await anon.post("/haslo/reset", { email: person.email });
    const link = new URL(/https?:\/\/\S+/.exec(readMail(app.dataDir).filter((m) => m.to === person.email).at(-1)!.text)![0]);
    const done = await anon.post("/haslo/nowe", { token: link.searchParams.get("token")!, newPassword: "zielony-rower-nad-warta" });
    expect(await done.text()).toContain("Hasło zostało ustawione.");
    expect(await Promise.all(conns.map((c) => within(c.closed, 5000)))).toEqual([4401, 4401]);
  });

  it("changing the password in /konto closes the account's other /collab connections with 4401 and keeps this session's", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const person = await createPerson(app, "member");
    const browser = await person.client(app.url);
    const other = await app.services.auth.login(person.email, "haslo-osoby-testowej-1", { ip: "127.0.0.1", userAgent: "drugie urządzenie" });
    const mine = open(`agenda:${eventId}`, person.cookie);
    const elsewhere = open(`agenda:${eventId}`, `frl_session=${other.token}`);
    await Promise.all([mine.synced, elsewhere.synced]);

    const changed = await browser.post("/konto", { intent: "password", currentPassword: "haslo-osoby-testowej-1", newPassword: "zielony-rower-nad-warta" });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("Hasło zostało zmienione");
    expect(await within(elsewhere.closed, 5000)).toBe(4401);
    expect(await within(mine.closed, 300)).toBe("timeout");
    agendaRoots(mine.doc).sessions.push([createSessionMap({ id: "p", title: "Po zmianie hasła" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.some((s) => s.title === "Po zmianie hasła"), "this session still edits");
  });

  it("logging out closes that session's /collab connection with 4401", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const person = await createPerson(app, "member");
    const browser = await person.client(app.url);
    const conn = open(`agenda:${eventId}`, person.cookie);
    await conn.synced;
    expect((await browser.post("/logout", {})).status).toBe(302);
    expect(await within(conn.closed, 5000)).toBe(4401);
  });
});

/** A shared database for two instances (one SQLite file, or one PostgreSQL database). */
async function sharedDatabase(dialect: Dialect): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === "postgres") return createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), "frl-access-db-"));
  return { url: `sqlite:${path.join(dir, "frl.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe.each(await dialects())("/collab access changes across instances through Redis (%s)", (dialect) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    if (redisSkip) return;
    const shared = await sharedDatabase(dialect);
    cleanups.push(async () => {
      // Pools of both instances end before the database is dropped.
      await new Promise((r) => setTimeout(r, 300));
      await shared.drop();
    });
    const env = { REDIS_URL: TEST_REDIS_URL, ACCESS_REDIS_CHANNEL: `frl:access:test:${randomBytes(4).toString("hex")}` };
    a = await startTestServer({ dialect, databaseUrl: shared.url, env });
    b = await startTestServer({ dialect, databaseUrl: shared.url, env });
    cleanups.push(() => a.stop(), () => b.stop());
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it.skipIf(redisSkip !== null)("restricting the agenda on instance A closes an editor on instance B with 4403; blocking on A closes B's connection with 4401", async () => {
    const eventId = await createAgendaEvent(a.services.db);
    const outsider = connectAgenda(b.url, `agenda:${eventId}`, (await createPerson(a, "member", "dzierzoniow")).cookie);
    const blocked = await createPerson(a, "member", "kalisz");
    const other = connectAgenda(b.url, `agenda:${eventId}`, blocked.cookie);
    cleanups.push(() => outsider.destroy(), () => other.destroy());
    await Promise.all([outsider.synced, other.synced]);
    await moderatorSets(a, eventId, { mode: "cities", citySlugs: ["kalisz"], open: true });
    expect(await within(outsider.closed, 5000)).toBe(4403);

    const admin = await signedIn(a.url, "admin");
    await admin.get("/admin/uzytkownicy");
    await admin.post("/admin/uzytkownicy", { userId: String(blocked.userId), role: "member", disabled: "on" });
    expect(await within(other.closed, 5000)).toBe(4401);
  });
});
