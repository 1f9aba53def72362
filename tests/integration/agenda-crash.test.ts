// A server killed with SIGKILL in the middle of edits by three clients, then restarted: every edit is present once.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { afterAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { createDb } from "../../db/index.js";
import { createTestDatabase, postgresUnavailableReason } from "../setup/postgres.js";
import type { Dialect } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually, type AgendaClient } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

const dialects: Dialect[] = ["sqlite", "postgres"];
const pgSkip = await postgresUnavailableReason();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// `node --import tsx` (what the tsx CLI does, minus its wrapper process) so SIGKILL hits the server itself.
function startChild(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  child.stderr?.on("data", () => {});
  return child;
}

async function waitReady(url: string): Promise<void> {
  await eventually(
    async () => {
      try {
        return (await fetch(url + "/login")).status === 200;
      } catch {
        return false;
      }
    },
    "server ready",
    30_000,
  );
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

describe.each(dialects)("agenda persistence across SIGKILL (%s)", (dialect) => {
  const skip = dialect === "postgres" && pgSkip !== null;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it.skipIf(skip)("three editors, kill -9 mid-edit, restart: every edit present, nothing duplicated", { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "frl-agenda-crash-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let databaseUrl = `sqlite:${path.join(dataDir, "frl.db")}`;
    if (dialect === "postgres") {
      const created = await createTestDatabase();
      databaseUrl = created.url;
      cleanups.push(created.drop);
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { NODE_ENV: "test", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: "error", FRL_DEMO: "1", FRL_BUILD_DIR: process.env.FRL_BUILD_DIR ?? "build" };
    let child = startChild(env);
    cleanups.push(() => kill(child, "SIGKILL"));
    await waitReady(url);

    const db = createDb(databaseUrl);
    cleanups.push(() => db.close());
    const eventId = await createAgendaEvent(db);
    const docName = `agenda:${eventId}`;
    const who = ["admin", "moderator", "member"] as const;
    const cookies = await Promise.all(who.map((w) => cookieOf(url, w)));
    const clients: AgendaClient[] = who.map((_, i) => connectAgenda(url, docName, cookies[i]));
    cleanups.push(() => clients.forEach((c) => c.destroy()));
    await Promise.all(clients.map((c) => c.synced));

    // Each client adds numbered sessions and types its own line into the shared notes, on a timer.
    const counts = [0, 0, 0];
    const lines = clients.map((c, i) => {
      const p = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      p.insert(0, [text]);
      agendaRoots(c.doc).notes.push([p]);
      return { text, owner: i };
    });
    const edit = () =>
      clients.forEach((c, i) => {
        const n = counts[i]++;
        agendaRoots(c.doc).sessions.push([createSessionMap({ id: `${who[i]}-${n}`, title: `${who[i]} ${n}` })]);
        lines[i].text.insert(lines[i].text.length, `${i}`);
      });
    const timer = setInterval(edit, 7);
    await new Promise((r) => setTimeout(r, 400));
    await kill(child, "SIGKILL");
    // Edits continue while the server is down (kept by the clients, sent after the state-vector exchange).
    await new Promise((r) => setTimeout(r, 150));
    clearInterval(timer);
    edit();
    child = startChild(env);
    await waitReady(url);

    const expectedIds = who.flatMap((w, i) => Array.from({ length: counts[i] }, (_, n) => `${w}-${n}`)).sort();
    const ids = (d: Y.Doc) => agendaRoots(d).sessions.toArray().map((m) => String(m.get("id")));
    await eventually(() => clients.every((c) => c.provider.synced && ids(c.doc).length === expectedIds.length), "clients reconnect and converge", 30_000);
    for (const c of clients) {
      expect([...ids(c.doc)].sort()).toEqual(expectedIds);
      expect(agendaRoots(c.doc).notes.toString()).toBe(agendaRoots(clients[0].doc).notes.toString());
    }
    // Nothing duplicated in the notes either: each client's line holds exactly its own keystrokes.
    const noteLines = agendaRoots(clients[0].doc).notes.toArray().map((p) => (p as Y.XmlElement).toArray().map((t) => (t as Y.XmlText).toString()).join(""));
    expect(noteLines.sort()).toEqual(counts.map((n, i) => String(i).repeat(n)).sort());

    // Now the stored state alone: clients leave, the server is killed again (no shutdown hook), a fresh client joins.
    // 300 ms is shorter than the 1-s write window: the last edits are stored because the last client left.
    clients.forEach((c) => c.destroy());
    await new Promise((r) => setTimeout(r, 300));
    await kill(child, "SIGKILL");
    child = startChild(env);
    await waitReady(url);
    const fresh = connectAgenda(url, docName, cookies[0]);
    cleanups.push(() => fresh.destroy());
    await fresh.synced;
    expect([...ids(fresh.doc)].sort()).toEqual(expectedIds);
    expect(new Set(ids(fresh.doc)).size).toBe(expectedIds.length);
    await kill(child, "SIGTERM");
  });
});
