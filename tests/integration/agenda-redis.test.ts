// Two instances on different ports sharing one database and Redis act as one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { createTestDatabase, postgresUnavailableReason } from "../setup/postgres.js";
import { redisUnavailableReason, TEST_REDIS_URL } from "../setup/redis.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually, type AgendaClient } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

const REDIS_URL = TEST_REDIS_URL;
const dialects: Dialect[] = ["sqlite", "postgres"];
const pgSkip = await postgresUnavailableReason();
const redisSkip = await redisUnavailableReason();

describe.each(dialects)("agenda across two instances with Redis (%s)", (dialect) => {
  const skip = redisSkip !== null || (dialect === "postgres" && pgSkip !== null);
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it.skipIf(skip)("edits and presence made on one instance reach clients of the other", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "frl-agenda-redis-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let databaseUrl = `sqlite:${path.join(dataDir, "frl.db")}`;
    if (dialect === "postgres") {
      const created = await createTestDatabase();
      databaseUrl = created.url;
      // Pools of both instances end before the database is dropped.
      cleanups.push(async () => {
        await new Promise((r) => setTimeout(r, 300));
        await created.drop();
      });
    }
    const servers: TestServer[] = [];
    for (let i = 0; i < 2; i++) {
      // Each instance has its own data folder (its own embedded search index and writer lock), one shared database.
      const s = await startTestServer({ databaseUrl, env: { REDIS_URL } });
      servers.push(s);
      cleanups.push(() => s.stop());
    }
    expect(servers[0].url).not.toBe(servers[1].url);
    const eventId = await createAgendaEvent(servers[0].services.db);
    const docName = `agenda:${eventId}`;
    const clients: AgendaClient[] = [];
    cleanups.push(() => clients.forEach((c) => c.destroy()));
    const a = connectAgenda(servers[0].url, docName, await cookieOf(servers[0].url, "member"));
    const b = connectAgenda(servers[1].url, docName, await cookieOf(servers[1].url, "moderator"));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    agendaRoots(a.doc).sessions.push([createSessionMap({ id: "from-a", title: "Z instancji 1" })]);
    agendaRoots(b.doc).sessions.push([createSessionMap({ id: "from-b", title: "Z instancji 2" })]);
    const ids = (c: AgendaClient) => agendaRoots(c.doc).sessions.toArray().map((m) => m.get("id")).sort();
    await eventually(() => ids(a).length === 2 && ids(b).length === 2, "both instances relay updates");
    expect(ids(a)).toEqual(["from-a", "from-b"]);
    expect(agendaRoots(a.doc).sessions.toJSON()).toEqual(agendaRoots(b.doc).sessions.toJSON());

    a.provider.awareness.setLocalStateField("user", { name: "Maria", city: "Dzierżoniów" });
    await eventually(() => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === "Maria Członkini" && s.user?.city === "Dzierżoniów"), "presence crosses instances");

    // A third client joining instance 2 right after an edit on instance 1 gets it (database or relay, whichever first).
    agendaRoots(a.doc).sessions.push([createSessionMap({ id: "late", title: "Tuż przed dołączeniem" })]);
    const c = connectAgenda(servers[1].url, docName, await cookieOf(servers[1].url, "admin"));
    clients.push(c);
    await c.synced;
    await eventually(() => ids(c).length === 3, "late joiner on the other instance converges");
    // Each update is stored once, by the instance that received it from its client.
    await Promise.all(servers.map((s) => s.services.agenda.current(eventId)));
  });
});
