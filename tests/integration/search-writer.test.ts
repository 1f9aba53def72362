// Command-line imports and reindexes next to a running app: the app owns the embedded index (in its memory), so what
// the CLIs write must reach its search, not a second copy of the file. Real processes: the app under test and the CLI
// spawned with tsx against the app's data folder and database.
import { spawn } from "node:child_process";
import { existsSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/index.js";
import { outboxStats } from "../../db/repositories/search-outbox.js";
import { EmbeddedSearchEngine } from "../../search/embedded/engine.js";
import { lockPath } from "../../server/search/writer-lock.js";
import { dialects } from "../setup/dialects.js";
import { signedIn } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { apiSearch, eventually } from "./library-support.js";
import { runCli, type CliRun } from "../setup/run-cli.js";


function runCliWith(script: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCli(script, args, { ...process.env, LOG_LEVEL: "error", FRL_DEMO: "0", ...env });
}

const item = (slug: string, title: string) => JSON.stringify({ externalId: `cli-${slug}`, slug, kind: "publication", title, summary: "Import z wiersza poleceń.", areas: ["gospodarka"], year: 2024 });
const slugsFor = async (app: TestServer, q: string): Promise<string[]> => (await apiSearch(app, `q=${encodeURIComponent(q)}`)).body.hits.map((h: { slug: string }) => h.slug);

describe.each(await dialects())("command-line tools next to a running app on %s", (dialect) => {
  let app: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    await app.services.search.indexer.waitUntilEmpty(30_000);
    env = { DATA_DIR: app.dataDir, DATABASE_URL: app.services.config.databaseUrl };
  });
  afterAll(async () => app?.stop());

  it("library:import leaves indexing to the app, and the items are findable through its search within 5 s", async () => {
    const file = path.join(app.dataDir, "cli-import.jsonl");
    writeFileSync(file, [item("rowerowe-podworka-wachocka", "Rowerowe podwórka Wąchocka"), item("ogrody-deszczowe-wachocka", "Ogrody deszczowe Wąchocka")].join("\n"));
    const out = await runCliWith("server/library/import-cli.ts", [file], env);
    expect(out.stdout).toContain("dodano: 2");
    await eventually(async () => expect(await slugsFor(app, "wachocka")).toEqual(expect.arrayContaining(["rowerowe-podworka-wachocka", "ogrody-deszczowe-wachocka"])), 5_000);
    expect(out.stdout).toContain(`Działająca aplikacja (proces ${process.pid}) zaindeksuje 2 pozycje`);
    expect(out.stderr).toBe("");
  }, 60_000);

  it("search:reindex asks the running app to rebuild, and the app's search shows the rebuilt index", async () => {
    const slug = "rowerowe-podworka-wachocka";
    await eventually(async () => expect(await slugsFor(app, "rowerowe wachocka")).toContain(slug), 5_000);
    // The index drifted from the database (as after a lost write): only a rebuild by the index's owner repairs it.
    const id = (await app.services.db.db.selectFrom("libraryItems").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
    await app.services.search.engine.remove([`library:${id}`]);
    expect(await slugsFor(app, "rowerowe wachocka")).not.toContain(slug);

    const out = await runCliWith("server/search/reindex-cli.ts", [], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Aplikacja działa (proces ${process.pid})`);
    expect(out.stdout).toMatch(/Przebudowano indeks \(embedded\): \d+ pozycji biblioteki/);
    expect(out.stdout).toContain(`Dokumentów w indeksie: ${await app.services.search.engine.count()}.`);
    expect(await slugsFor(app, "rowerowe wachocka")).toContain(slug);
  }, 60_000);

  it("an admin rebuilds the index from the admin page (others may not)", async () => {
    const slug = "ogrody-deszczowe-wachocka";
    const id = (await app.services.db.db.selectFrom("libraryItems").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
    await app.services.search.engine.remove([`library:${id}`]);
    expect(await slugsFor(app, "ogrody deszczowe wachocka")).not.toContain(slug);

    const moderator = await signedIn(app.url, "moderator");
    await moderator.get("/wydarzenia");
    expect((await moderator.post("/admin/wyszukiwarka", { intent: "rebuild" })).status).toBe(403);
    const admin = await signedIn(app.url, "admin");
    await admin.get("/admin/wyszukiwarka");
    expect((await admin.post("/admin/wyszukiwarka", { intent: "rebuild" }, { csrf: false })).status).toBe(403);
    const res = await admin.post("/admin/wyszukiwarka", { intent: "rebuild" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Przebudowa indeksu rozpoczęta");
    // The page tells how the rebuild ended once it has.
    await eventually(async () => expect(await (await admin.get("/admin/wyszukiwarka")).text()).toMatch(/Ostatnia przebudowa \([^)]+\): \d+ dokument(y|ów|)\b/), 10_000);
    expect(await slugsFor(app, "ogrody deszczowe wachocka")).toContain(slug);
  }, 60_000);
});

describe("a stale search index lock", () => {
  let dataDir: string;
  let databaseUrl: string;
  beforeAll(async () => {
    const app = await startTestServer();
    await app.services.search.indexer.waitUntilEmpty(30_000);
    dataDir = app.dataDir;
    databaseUrl = app.services.config.databaseUrl;
    await app.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is released when the app stops", () => {
    expect(existsSync(lockPath(dataDir))).toBe(false);
  });

  it("left by a process that died does not block library:import, which then indexes by itself", async () => {
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", ""]);
      child.on("close", () => resolve(child.pid!));
    });
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid: dead, host: hostname(), kind: "app", token: "gone", startedAt: new Date().toISOString() }));
    const file = path.join(dataDir, "stale.jsonl");
    writeFileSync(file, item("spoldzielnie-energetyczne-pcimia", "Spółdzielnie energetyczne Pcimia"));
    const out = await runCliWith("server/library/import-cli.ts", [file], { DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
    expect(out.stdout).toContain("dodano: 1");
    expect(out.stdout).not.toContain("Działająca aplikacja");
    expect(existsSync(lockPath(dataDir))).toBe(false);
    const db = createDb(databaseUrl);
    const engine = new EmbeddedSearchEngine(path.join(dataDir, "search.db"));
    try {
      expect((await outboxStats(db.db)).pending).toBe(0);
      await engine.init({ synonyms: [] });
      expect((await engine.search({ q: "spółdzielnie energetyczne pcimia" })).hits.map((h) => h.slug)).toContain("spoldzielnie-energetyczne-pcimia");
    } finally {
      await engine.close();
      await db.close();
    }
  }, 60_000);

  it("whose heartbeat stopped does not block search:reindex, which then rebuilds by itself", async () => {
    // A live pid (this test) but a heartbeat a minute old: a hung or foreign-host holder.
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, host: hostname(), kind: "app", token: "hung", startedAt: new Date().toISOString() }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dataDir), old, old);
    const out = await runCliWith("server/search/reindex-cli.ts", [], { DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
    expect(out.code).toBe(0);
    expect(out.stdout).not.toContain("Aplikacja działa");
    expect(out.stdout).toMatch(/Przebudowano indeks \(embedded\)/);
    expect(existsSync(lockPath(dataDir))).toBe(false);
  }, 60_000);
});
