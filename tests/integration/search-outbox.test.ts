import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEvent } from "../../db/repositories/events.js";
import { insertLibraryItem } from "../../db/repositories/library.js";
import { outboxStats } from "../../db/repositories/search-outbox.js";
import { reindexAll } from "../../server/search/reindex.js";
import type { SearchEngine } from "../../search/types.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { apiSearch, createItem, eventually, setStatus } from "./library-support.js";

// Everything the engine holds, without the per-query _formatted part, ordered by id.
async function snapshot(engine: SearchEngine) {
  const r = await engine.search({ q: "", hitsPerPage: 1000 });
  expect(r.estimatedTotalHits).toBeLessThanOrEqual(1000);
  return r.hits.map(({ _formatted: _f, ...doc }) => doc).sort((a, b) => a.id.localeCompare(b.id));
}

describe.each(await dialects())("search outbox and indexer on %s", (dialect) => {
  let app: TestServer;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    admin = await signedIn(app.url, "admin");
    await app.services.search.indexer.waitUntilEmpty(30_000);
  });
  afterAll(async () => app?.stop());

  it("indexes the demo library and events on first start", async () => {
    const docs = await snapshot(app.services.search.engine);
    expect(docs.filter((d) => d.group === "library").length).toBeGreaterThanOrEqual(90);
    expect(docs.filter((d) => d.group === "event").length).toBeGreaterThan(10);
  });

  it("never fails a write while the engine is down, and catches up when it returns", async () => {
    const engine = app.services.search.engine;
    const down = async () => {
      throw new Error("engine unavailable (test)");
    };
    Object.assign(engine, { upsert: down, remove: down });
    let slug: string;
    try {
      slug = await createItem(admin, { title: "Zielone przystanki w Koziej Wólce", summary: "Ogrody deszczowe na dachach wiat przystankowych." });
      expect((await setStatus(admin, slug, "published")).status).toBe(302);
      await eventually(async () => expect((await outboxStats(app.services.db.db)).failing).toBeGreaterThan(0));
      const item = await fetch(`${app.url}/biblioteka/${slug}`);
      expect(item.status).toBe(200); // the write itself is committed and visible
      expect((await apiSearch(app, "q=zielone+przystanki+koziej+wolce")).body.hits.map((h: { slug: string }) => h.slug)).not.toContain(slug);
    } finally {
      // Back to the class methods: the test replaced them on the instance only.
      Reflect.deleteProperty(engine, "upsert");
      Reflect.deleteProperty(engine, "remove");
    }
    await app.services.search.indexer.waitUntilEmpty(20_000);
    const after = await apiSearch(app, "q=zielone+przystanki+koziej+wolce");
    expect(after.body.hits[0]?.slug).toBe(slug!);
  });

  it("queues the outbox row in the same transaction: a failed write leaves no row", async () => {
    const before = (await outboxStats(app.services.db.db)).pending;
    const existing = (await app.services.db.db.selectFrom("libraryItems").select("slug").executeTakeFirstOrThrow()).slug;
    const input = { kind: "publication" as const, slug: existing, externalId: null, title: "Duplikat", summary: "", bodySource: "", bodyHtml: "", bodyText: "", tags: [], authors: [], cityId: null, eventId: null, year: null, publishedOn: null, externalUrl: null, videoUrl: null, durationMinutes: null, problem: null, solution: null, results: null, costAndFunding: null, period: null, contact: null, status: "published" as const, areaIds: [] };
    await expect(insertLibraryItem(app.services.db.db, input, null)).rejects.toThrow();
    expect((await outboxStats(app.services.db.db)).pending).toBe(before);
  });

  it("indexes events written through the event repository, and unpublishing removes an item", async () => {
    const id = await insertEvent(
      app.services.db.db,
      { slug: "seminarium-o-kompostowniach", title: "Seminarium o kompostowniach przydomowych", description: "Jak gminy wspierają kompostowanie bioodpadów.", kind: "seminar", seriesId: null, startsAt: "2027-05-10T08:00:00.000Z", endsAt: "2027-05-10T10:00:00.000Z", timeZone: "Europe/Warsaw", format: "online", place: null, joinUrl: "https://example.org/j", capacity: null },
      [],
      null,
    );
    await app.services.search.indexer.waitUntilEmpty();
    const r = await app.services.search.engine.search({ q: "kompostownie", filter: 'group = "event"' });
    expect(r.hits.map((h) => h.id)).toContain(`event:${id}`);

    const slug = await createItem(admin, { title: "Tymczasowa pozycja o kompostowaniu" });
    await setStatus(admin, slug, "published");
    await app.services.search.indexer.waitUntilEmpty();
    expect((await apiSearch(app, "q=tymczasowa+kompostowaniu")).body.hits[0]?.slug).toBe(slug);
    await setStatus(admin, slug, "draft");
    await app.services.search.indexer.waitUntilEmpty();
    expect((await apiSearch(app, "q=tymczasowa+kompostowaniu")).body.hits.map((h: { slug: string }) => h.slug)).not.toContain(slug);
  });

  it("a full reindex produces exactly the incrementally built index", async () => {
    await app.services.search.indexer.waitUntilEmpty();
    const incremental = await snapshot(app.services.search.engine);
    const summary = await reindexAll(app.services.db, app.services.search.engine);
    expect(summary.total).toBe(incremental.length);
    const rebuilt = await snapshot(app.services.search.engine);
    expect(rebuilt).toEqual(incremental);
  });
});

describe("embedded index file", () => {
  it("is rebuilt from the database when it is missing at start", async () => {
    const first = await startTestServer();
    await first.services.search.indexer.waitUntilEmpty(30_000);
    const before = await first.services.search.engine.count();
    await first.close();
    const { rmSync, readdirSync } = await import("node:fs");
    const indexFiles = readdirSync(first.dataDir).filter((f) => f.startsWith("search.db"));
    expect(indexFiles).toContain("search.db");
    for (const f of indexFiles) rmSync(`${first.dataDir}/${f}`);
    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      expect(await second.services.search.engine.count()).toBe(before);
      const r = await second.services.search.engine.search({ q: "rewitalizacja", hitsPerPage: 1 });
      expect(r.estimatedTotalHits).toBeGreaterThan(0);
    } finally {
      await second.stop();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });

  it("npm run search:reindex rebuilds it from the database with a summary", async () => {
    const app = await startTestServer();
    await app.services.search.indexer.waitUntilEmpty(30_000);
    const expected = await app.services.search.engine.count();
    await app.close(); // the embedded file belongs to one process at a time
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const { rmSync } = await import("node:fs");
    try {
      const env = { ...process.env, DATA_DIR: app.dataDir, LOG_LEVEL: "error", FRL_DEMO: "0" };
      const out = await promisify(execFile)("npx", ["tsx", "server/search/reindex-cli.ts"], { env });
      expect(out.stdout).toMatch(/Przebudowano indeks \(embedded\): \d+ pozycj\S+ biblioteki, \d+ wydarze\S+/);
      expect(out.stdout).toContain(`Dokumentów w indeksie: ${expected}.`);
    } finally {
      rmSync(app.dataDir, { recursive: true, force: true });
    }
  });
});
