// /collab served from its own process (COLLAB_PROCESS=1, production's default): the app accepts the upgrade and hands
// the socket over; the server's own reads and edits, access decisions and a crash of that process are what changes.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createSessionMap } from "../../domain/agenda-doc.js";
import { findUserByEmail } from "../../db/repositories/users.js";
import { ConfigError, loadConfig } from "../../server/config.js";
import { signedIn } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually, within, type AgendaClient } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

describe("the /collab process", () => {
  let app: TestServer;
  let member: string;
  const clients: AgendaClient[] = [];
  const open = (docName: string, cookie: string) => {
    const c = connectAgenda(app.url, docName, cookie);
    clients.push(c);
    return c;
  };
  const titles = (c: AgendaClient) =>
    agendaRoots(c.doc)
      .sessions.toArray()
      .map((m) => m.get("title"))
      .sort();

  beforeAll(async () => {
    app = await startTestServer({ env: { COLLAB_PROCESS: "1" } });
    member = await cookieOf(app.url, "member");
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await app?.stop();
  });

  it("serves /collab from another process than the app's", async () => {
    expect(app.collab?.pid).toBeTypeOf("number");
    expect(app.collab!.pid).not.toBe(process.pid);
    const eventId = await createAgendaEvent(app.services.db);
    const a = open(`agenda:${eventId}`, member);
    const b = open(`agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await Promise.all([a.synced, b.synced]);
    agendaRoots(a.doc).sessions.push([createSessionMap({ id: "a", title: "Otwarcie" })]);
    await eventually(() => titles(b).length === 1, "B sees A's session");
    expect((await app.collab!.stats()).openDocuments).toBeGreaterThanOrEqual(1);
  });

  it("the app reads and changes live documents there: what editors typed, and a new dots budget they see at once", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const a = open(`agenda:${eventId}`, member);
    await a.synced;
    agendaRoots(a.doc).sessions.push([createSessionMap({ id: "s", title: "Panel miast" })]);
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.some((s) => s.title === "Panel miast"), "the app reads the editor's session");
    const mod = (await findUserByEmail(app.services.db.db, "moderator@frl.test"))!;
    await app.services.agenda.saveSettings({ id: mod.id, role: "moderator", cityId: null }, { eventId, mode: "all", cityIds: [], open: true, dotsBudget: 7 });
    await eventually(() => agendaRoots(a.doc).meta.get("dotsBudget") === 7, "the editor sees the new budget");
    // The editor's own session is still there: the server's change was merged, not a replacement of the document.
    expect(titles(a)).toEqual(["Panel miast"]);
  });

  it("closing co-design reaches open connections in that process: an editor turns read-only", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const a = open(`agenda:${eventId}`, member);
    await a.synced;
    expect(a.access.at(-1)).toBe("edit");
    const mod = (await findUserByEmail(app.services.db.db, "moderator@frl.test"))!;
    await app.services.agenda.saveSettings({ id: mod.id, role: "moderator", cityId: null }, { eventId, mode: "all", cityIds: [], open: false, dotsBudget: 5 });
    await eventually(() => a.access.at(-1) === "read", "the editor is told read-only");
  });

  it("a crashed /collab process is started again; editors reconnect and nothing they hold is lost", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const a = open(`agenda:${eventId}`, member);
    await a.synced;
    agendaRoots(a.doc).sessions.push([createSessionMap({ id: "before", title: "Przed awarią" })]);
    const crashed = app.collab!.pid!;
    process.kill(crashed, "SIGKILL");
    // Typed while the process is down: kept by the editor and sent once it is back.
    agendaRoots(a.doc).sessions.push([createSessionMap({ id: "during", title: "W czasie awarii" })]);
    await eventually(() => app.collab!.pid !== undefined && app.collab!.pid !== crashed, "a new /collab process runs", 20_000);
    await eventually(() => a.provider.wsconnected && a.provider.synced, "the editor reconnected", 20_000);
    const late = open(`agenda:${eventId}`, member);
    await late.synced;
    await eventually(() => titles(late).length === 2, "a new joiner gets both sessions from the new process");
    expect(titles(late)).toEqual(["Przed awarią", "W czasie awarii"]);
  });

  it("anonymous and unknown documents are still refused with their codes", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const anon = open(`agenda:${eventId}`, "");
    expect(await anon.closed).toBe(4401);
    const missing = open("agenda:999999", member);
    expect(await missing.closed).toBe(4404);
  });

  it("documents are stored when the app stops, and served again by the next start", async () => {
    const other = await startTestServer({ env: { COLLAB_PROCESS: "1" } });
    let restarted: TestServer | undefined;
    try {
      const eventId = await createAgendaEvent(other.services.db);
      const cookie = await cookieOf(other.url, "member");
      const a = connectAgenda(other.url, `agenda:${eventId}`, cookie);
      await a.synced;
      agendaRoots(a.doc).sessions.push([createSessionMap({ id: "kept", title: "Zapisane przy zamknięciu" })]);
      await eventually(async () => (await other.services.agenda.current(eventId)).sessions.length === 1, "the server has the session");
      a.destroy();
      await other.close();
      restarted = await startTestServer({ env: { COLLAB_PROCESS: "1" }, dataDir: other.dataDir });
      const b = connectAgenda(restarted.url, `agenda:${eventId}`, await cookieOf(restarted.url, "member"));
      await b.synced;
      expect(agendaRoots(b.doc).sessions.toArray().map((m) => m.get("title"))).toEqual(["Zapisane przy zamknięciu"]);
      b.destroy();
    } finally {
      await restarted?.stop();
      await other.stop();
    }
  });
});

// COLLAB_PORT (decision 0015): the /collab process also accepts /collab connections itself, for a reverse proxy to
// route them there; it checks Origin and the session as the app's port does. Clients here connect as through such a
// proxy: to the own port, with Host and Origin naming the site.
describe("the /collab process's own port", () => {
  let app: TestServer;
  let direct: string;
  const clients: AgendaClient[] = [];
  const open = (docName: string, cookie: string, opts: { via?: string } = { via: direct }) => {
    const c = connectAgenda(app.url, docName, cookie, opts);
    clients.push(c);
    return c;
  };
  /** The HTTP status of a refused upgrade to the own port (0 when it was accepted). */
  const upgradeStatus = (pathname: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(direct.replace(/^http/, "ws") + pathname, { headers: { host: new URL(app.url).host, ...headers } });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? -1));
      ws.on("open", () => {
        ws.terminate();
        resolve(0);
      });
      ws.on("error", (error) => (String(error).includes("Unexpected server response") ? undefined : reject(error)));
    });

  beforeAll(async () => {
    app = await startTestServer({ env: { COLLAB_PROCESS: "1", COLLAB_PORT: "0" } });
    expect(app.collab?.port).toBeTypeOf("number");
    direct = `http://127.0.0.1:${app.collab!.port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await app?.stop();
  });

  it("editors on the own port and on the app's port edit one document together, and the app reads it", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const viaProxy = open(`agenda:${eventId}`, await cookieOf(app.url, "member"));
    const viaApp = open(`agenda:${eventId}`, await cookieOf(app.url, "moderator"), {});
    await Promise.all([viaProxy.synced, viaApp.synced]);
    expect(viaProxy.access.at(-1)).toBe("edit");
    agendaRoots(viaProxy.doc).sessions.push([createSessionMap({ id: "p", title: "Przez proxy" })]);
    agendaRoots(viaApp.doc).sessions.push([createSessionMap({ id: "a", title: "Przez aplikację" })]);
    await eventually(() => agendaRoots(viaApp.doc).sessions.length === 2 && agendaRoots(viaProxy.doc).sessions.length === 2, "both see both sessions");
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 2, "the app reads both");
  });

  it("refuses what the app's port refuses: no session or a made-up one (4401), an unknown document (4404), another site (403)", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    expect(await within(open(`agenda:${eventId}`, "").closed, 5000)).toBe(4401);
    expect(await within(open(`agenda:${eventId}`, "frl_session=zmyslony-token").closed, 5000)).toBe(4401);
    const member = await cookieOf(app.url, "member");
    expect(await within(open("agenda:999999", member).closed, 5000)).toBe(4404);
    expect(await upgradeStatus(`/collab/agenda:${eventId}`, { cookie: member, origin: "https://atakujacy.example" })).toBe(403);
  });

  it("serves nothing but /collab: other upgrades and plain requests get 404", async () => {
    const member = await cookieOf(app.url, "member");
    expect(await upgradeStatus("/socket.io/?EIO=4&transport=websocket", { cookie: member, origin: app.url })).toBe(404);
    const page = await fetch(`${direct}/biblioteka`, { headers: { cookie: member } });
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("<html");
  });

  it("logging out in the app closes that session's connection on the own port with 4401", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const browser = await signedIn(app.url, "member");
    const conn = open(`agenda:${eventId}`, browser.cookieHeader());
    await conn.synced;
    expect((await browser.post("/logout", {})).status).toBe(302);
    expect(await within(conn.closed, 5000)).toBe(4401);
  });
});

describe("where /collab runs", () => {
  const base = { SESSION_SECRET: "x".repeat(40), DATA_DIR: "./.tmp/collab-config", FRL_DEMO: "1" };
  it("in its own process in production, in the app's process in tests and development, as COLLAB_PROCESS says otherwise", () => {
    expect(loadConfig({ ...base, NODE_ENV: "production" }).collabProcess).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: "development" }).collabProcess).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: "test" }).collabProcess).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: "production", COLLAB_PROCESS: "0" }).collabProcess).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: "development", COLLAB_PROCESS: "1" }).collabProcess).toBe(true);
    // Another process cannot open an in-memory database.
    expect(loadConfig({ ...base, NODE_ENV: "production", DATABASE_URL: "sqlite::memory:" }).collabProcess).toBe(false);
  });

  it("COLLAB_PORT only with the /collab process: otherwise the app does not start and says why", () => {
    expect(loadConfig({ ...base, NODE_ENV: "production", COLLAB_PORT: "3001" }).collabPort).toBe(3001);
    expect(loadConfig({ ...base, NODE_ENV: "production" }).collabPort).toBeUndefined();
    expect(() => loadConfig({ ...base, NODE_ENV: "production", COLLAB_PROCESS: "0", COLLAB_PORT: "3001" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, NODE_ENV: "development", COLLAB_PORT: "3001" })).toThrow(/COLLAB_PORT: needs \/collab in its own process/);
    expect(() => loadConfig({ ...base, NODE_ENV: "production", COLLAB_PORT: "70000" })).toThrow(/COLLAB_PORT/);
  });
});
