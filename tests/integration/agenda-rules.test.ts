// Access rules as a matrix, restore-as-undoable-change, and compaction against a real database.
import { sql } from "kysely";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap, replaceContent } from "../../domain/agenda-doc.js";
import { loadAgendaState } from "../../db/repositories/agenda-store.js";
import { AgendaPersistence } from "../../server/agenda/agenda-persistence.js";
import { agendaAccess, can, type Actor } from "../../server/auth/permissions.js";
import { createLogger } from "../../server/logger.js";
import { postgresUnavailableReason } from "../setup/postgres.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";

const actors: Record<string, Actor> = {
  anonymous: null,
  member: { id: 10, role: "member", cityId: 1 },
  memberOtherCity: { id: 11, role: "member", cityId: 2 },
  memberNoCity: { id: 12, role: "member", cityId: null },
  moderator: { id: 2, role: "moderator", cityId: null },
  admin: { id: 1, role: "admin", cityId: null },
};

describe("agenda access matrix", () => {
  const cases: [string, { mode: "all" | "cities"; open: boolean; ended: boolean }, Record<string, "edit" | "read" | "none">][] = [
    ["all members, open", { mode: "all", open: true, ended: false }, { anonymous: "none", member: "edit", memberOtherCity: "edit", memberNoCity: "edit", moderator: "edit", admin: "edit" }],
    ["city 1 only, open", { mode: "cities", open: true, ended: false }, { anonymous: "none", member: "edit", memberOtherCity: "none", memberNoCity: "none", moderator: "edit", admin: "edit" }],
    ["all members, closed", { mode: "all", open: false, ended: false }, { anonymous: "none", member: "read", memberOtherCity: "read", memberNoCity: "read", moderator: "edit", admin: "edit" }],
    ["city 1 only, event ended", { mode: "cities", open: true, ended: true }, { anonymous: "none", member: "read", memberOtherCity: "none", memberNoCity: "none", moderator: "edit", admin: "edit" }],
  ];
  it.each(cases)("%s", (_name, s, expected) => {
    for (const [who, actor] of Object.entries(actors)) expect([who, agendaAccess(actor, { ...s, cityIds: [1] })]).toEqual([who, expected[who]]);
  });
  it("only staff manage (settings, publish, restore); everyone sees the published programme", () => {
    expect(Object.fromEntries(Object.entries(actors).map(([w, a]) => [w, can(a, "agenda:manage")]))).toEqual({ anonymous: false, member: false, memberOtherCity: false, memberNoCity: false, moderator: true, admin: true });
    expect(Object.values(actors).every((a) => can(a, "agenda:view-published"))).toBe(true);
  });
});

describe("restoring a version", () => {
  it("replaces the content in one change that the restorer can undo", () => {
    const origin = { local: true };
    const old = new Y.Doc();
    agendaRoots(old).sessions.push([createSessionMap({ id: "a", title: "Stary program", description: "Opis A" })]);
    const doc = new Y.Doc();
    agendaRoots(doc).sessions.push([createSessionMap({ id: "b", title: "Nowy" }), createSessionMap({ id: "c", title: "Nowszy" })]);
    const undo = new Y.UndoManager([agendaRoots(doc).sessions, agendaRoots(doc).proposals, agendaRoots(doc).notes], { trackedOrigins: new Set([origin]) });
    replaceContent(doc, old, origin);
    expect(agendaRoots(doc).sessions.toArray().map((m) => m.get("title"))).toEqual(["Stary program"]);
    expect((agendaRoots(doc).sessions.get(0).get("description") as Y.XmlFragment).toString()).toContain("Opis A");
    undo.undo();
    expect(agendaRoots(doc).sessions.toArray().map((m) => m.get("id"))).toEqual(["b", "c"]);
  });
});

const dialects: Dialect[] = ["sqlite", "postgres"];
const pgSkip = await postgresUnavailableReason();

describe.each(dialects)("compaction (%s)", (dialect) => {
  const skip = dialect === "postgres" && pgSkip !== null;
  let app: TestServer;
  beforeAll(async () => {
    if (!skip) app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());

  it.skipIf(skip)("folds rows into one snapshot, keeps the state, and concurrent compactions lose nothing", async () => {
    const p = new AgendaPersistence(app.services.db, createLogger("silent"), { compactEvery: 1_000_000 });
    const docName = "agenda:777001";
    const source = new Y.Doc();
    source.on("update", (u: Uint8Array) => p.store(docName, u));
    for (let i = 0; i < 60; i++) {
      agendaRoots(source).sessions.push([createSessionMap({ id: `s${i}`, title: `Blok ${i}` })]);
      if (i % 5 === 0) await p.flush();
    }
    await p.flush();
    const rowsBefore = await loadAgendaState(app.services.db.db, docName);
    expect(rowsBefore.updates.length).toBeGreaterThan(5);
    // Two compactions racing (two instances), with a new row appended in between.
    const first = p.compact(docName);
    agendaRoots(source).sessions.push([createSessionMap({ id: "late", title: "Później" })]);
    await p.flush();
    await Promise.all([first, p.compact(docName)]);
    await p.compact(docName);
    const rowsAfter = await loadAgendaState(app.services.db.db, docName);
    expect(rowsAfter.snapshots.length + rowsAfter.updates.length).toBe(1);
    const loaded = new Y.Doc();
    await p.load(docName, loaded);
    expect(agendaRoots(loaded).sessions.toArray().map((m) => m.get("id"))).toEqual(agendaRoots(source).sessions.toArray().map((m) => m.get("id")));
    expect(agendaRoots(loaded).sessions.length).toBe(61);
    await p.close();
  });

  it.skipIf(skip)("a window's updates of many documents are written together and survive a restart; a failed write keeps them all", async () => {
    const logger = createLogger("silent");
    const p = new AgendaPersistence(app.services.db, logger, { flushMs: 60_000 });
    const names = Array.from({ length: 12 }, (_, i) => `agenda:77710${String(i).padStart(2, "0")}`);
    const sources = names.map((name) => {
      const doc = new Y.Doc();
      doc.on("update", (u: Uint8Array) => p.store(name, u));
      return doc;
    });
    sources.forEach((doc, i) => agendaRoots(doc).sessions.push([createSessionMap({ id: `a${i}`, title: `Blok ${i}` })]));
    await p.flush();
    // The database refuses the next window: nothing of it may be lost, it is written by the next flush.
    const { db } = app.services.db;
    await sql`ALTER TABLE agenda_updates RENAME TO agenda_updates_away`.execute(db);
    try {
      sources.forEach((doc, i) => agendaRoots(doc).sessions.push([createSessionMap({ id: `b${i}`, title: `Drugi ${i}` })]));
      await p.flush();
    } finally {
      await sql`ALTER TABLE agenda_updates_away RENAME TO agenda_updates`.execute(db);
    }
    await p.flush();
    await p.close();
    // A restarted server: a new persistence reading the same database.
    const restarted = new AgendaPersistence(app.services.db, logger);
    for (const [i, name] of names.entries()) {
      expect((await loadAgendaState(db, name)).updates.length).toBe(2);
      const loaded = new Y.Doc();
      await restarted.load(name, loaded);
      expect(agendaRoots(loaded).sessions.toArray().map((m) => m.get("id"))).toEqual([`a${i}`, `b${i}`]);
    }
    await restarted.close();
  });
});
