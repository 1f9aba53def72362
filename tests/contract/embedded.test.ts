// The embedded adapter against the contract, in this thread and served by search threads (a primary and a replica
// that must follow its writes), plus what only it promises: the index survives a restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedSearchEngine } from "../../search/embedded/engine";
import { ThreadedSearchEngine } from "../../search/embedded/threaded-engine";
import { createSearchEngine } from "../../search/create-engine";
import { runSearchContract } from "./search-engine.contract";
import { fixtures } from "./search-fixtures";

const dir = mkdtempSync(join(tmpdir(), "frl-search-contract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runSearchContract("embedded", async (label) => new EmbeddedSearchEngine(join(dir, `${label}.db`)));
runSearchContract("embedded, 2 search threads", async (label) => new ThreadedSearchEngine(join(dir, `threads-${label}.db`), 2));

describe("embedded engine on search threads", () => {
  it("answers from every thread with what the last write left, whichever thread serves", async () => {
    const engine = new ThreadedSearchEngine(join(dir, "threads-follow.db"), 3);
    await engine.init({ synonyms: [] });
    await engine.upsert(fixtures);
    const everyThread = async (q: string) => (await Promise.all(Array.from({ length: 9 }, () => engine.search({ q })))).map((r) => r.hits.map((h) => h.id));
    expect(new Set((await everyThread("rewitalizajca")).map((ids) => ids.includes("library:2")))).toEqual(new Set([true]));
    await engine.upsert([{ ...fixtures[1], title: "Kompostownik sąsiedzki", summary: "Nowy opis.", body: "" }]);
    for (const ids of await everyThread("kompostownik")) expect(ids).toContain("library:2");
    await engine.remove(["library:2"]);
    for (const ids of await everyThread("kompostownik")) expect(ids).not.toContain("library:2");
    expect(await engine.count()).toBe(fixtures.length - 1);
    await engine.close();
  });

  it("replaces a thread that dies: searches go on meanwhile, writes wait for a new primary", async () => {
    const errors: string[] = [];
    const engine = new ThreadedSearchEngine(join(dir, "threads-crash.db"), 3, { error: (m) => errors.push(m) });
    await engine.init({ synonyms: [] });
    await engine.upsert(fixtures);
    type Inside = { threads: Array<{ worker: { terminate(): Promise<number> } }> };
    const kill = (i: number) => (engine as unknown as Inside).threads[i].worker.terminate();
    const searchAll = async () => (await Promise.all(Array.from({ length: 9 }, () => engine.search({ q: "rewitalizajca" })))).map((r) => r.hits.map((h) => h.id));
    await kill(1);
    for (const ids of await searchAll()) expect(ids).toContain("library:2");
    await kill(0);
    await engine.upsert([{ ...fixtures[0], id: "library:after-crash", title: "Kompostownik po awarii" }]);
    for (const ids of await Promise.all(Array.from({ length: 9 }, () => engine.search({ q: "kompostownik awarii" })))) {
      expect(ids.hits.map((h) => h.id)).toContain("library:after-crash");
    }
    expect(await engine.count()).toBe(fixtures.length + 1);
    expect(errors.filter((m) => /thread \d stopped/.test(m))).toHaveLength(2);
    await engine.close();
  });

  it("keeps the body out of the thread message and reads it when asked", async () => {
    const engine = new ThreadedSearchEngine(join(dir, "threads-body.db"), 2);
    await engine.init({ synonyms: [] });
    await engine.upsert(fixtures);
    const hit = (await engine.search({ q: "fotowoltaika", cropLength: 10 })).hits.find((h) => h.id === "library:10")!;
    expect(hit.body).toBe(fixtures.find((d) => d.id === "library:10")!.body);
    expect(hit._formatted.body).toMatch(/<mark>fotowoltaiki<\/mark>/);
    await engine.close();
  });
});

describe("embedded engine persistence", () => {
  it("keeps the index in its own file across restarts", async () => {
    const first = createSearchEngine({ searchEngine: "embedded", dataDir: join(dir, "data") });
    expect(first.name).toBe("embedded");
    await first.init({ synonyms: [] });
    await first.upsert(fixtures);
    await first.close();
    const second = createSearchEngine({ searchEngine: "embedded", dataDir: join(dir, "data") });
    await second.init({ synonyms: [] });
    expect(await second.count()).toBe(fixtures.length);
    expect((await second.search({ q: "rewitalizajca" })).hits.map((h) => h.id)).toContain("library:2");
    await second.close();
  });

  it("reopens from its snapshot plus whatever was written after it, even without a clean shutdown", async () => {
    const file = join(dir, "snapshot.db");
    const first = new EmbeddedSearchEngine(file);
    await first.init({ synonyms: [] });
    await first.upsert(fixtures);
    await first.close(); // writes the snapshot
    const second = new EmbeddedSearchEngine(file);
    await second.init({ synonyms: [] });
    await second.upsert([{ ...fixtures[0], id: "library:new", title: "Kompostownik przy szkole" }]);
    await second.upsert([{ ...fixtures[2], title: "Zielone przystanki w Żorach" }]);
    await second.remove(["library:2"]);
    // `second` has not closed, so the snapshot on disk predates its writes: a third engine must read them from rows.
    const third = new EmbeddedSearchEngine(file);
    await third.init({ synonyms: [] });
    expect(await third.count()).toBe(fixtures.length);
    const ids = async (q: string) => (await third.search({ q })).hits.map((h) => h.id);
    expect(await ids("kompostownik")).toContain("library:new");
    expect(await ids("rewitalizajca")).not.toContain("library:2");
    expect(await ids("przystanki zielone")).toContain(fixtures[2].id);
    expect((await third.search({ q: "", hitsPerPage: 100 })).hits.map((h) => h.id)).not.toContain("library:2");
    await second.close();
    await third.close();
  });
});


describe("embedded engine between queries", () => {
  it("ranks a query the same whatever was searched before it (per-query tables are cleared)", async () => {
    // Half-typed words fill the match table with thousands of words; a stale entry would make a later query's
    // tokens match words it never asked for and change its order or highlights.
    const queries = ["rew", "budzet obywatelski", "kompostow", "mieszkan", "parking", "rewitalizacja miasta", "fotowolt", "zielone przyst", "a", "ulice"];
    const used = new EmbeddedSearchEngine(join(dir, "between.db"));
    await used.init({ synonyms: [] });
    await used.upsert(fixtures);
    const run = async (engine: EmbeddedSearchEngine, q: string) =>
      (await engine.search({ q, hitsPerPage: 10 })).hits.map((h) => `${h.id} ${h._formatted.title} ${h._formatted.summary}`);
    const sequence = [...queries, ...[...queries].reverse()];
    const afterOthers: string[][] = [];
    for (const q of sequence) afterOthers.push(await run(used, q));
    for (const [i, q] of sequence.entries()) {
      const fresh = new EmbeddedSearchEngine(join(dir, "between.db"));
      await fresh.init({ synonyms: [] });
      expect(afterOthers[i], q).toEqual(await run(fresh, q));
      await fresh.close();
    }
    await used.close();
  });
});
