// Search results kept per query until the index changes (issue 16): the same question asked again, or at the same
// moment, costs one search; any change to the index (upsert, remove, clear, init) makes the next answer fresh, also
// for a search that was under way while the change ran; failed searches are not remembered.
import { describe, expect, it } from "vitest";
import { CachedSearchEngine } from "../../search/shared/result-cache";
import type { SearchEngine, SearchQuery, SearchResult } from "../../search/types";

function fakeEngine() {
  let version = 0;
  const calls: SearchQuery[] = [];
  let gate: Promise<void> = Promise.resolve();
  const engine: SearchEngine = {
    name: "embedded",
    init: async () => void version++,
    upsert: async () => {
      await gate;
      version++;
    },
    remove: async () => void version++,
    clear: async () => void version++,
    count: async () => version,
    healthy: async () => true,
    close: async () => {},
    search: async (q) => {
      calls.push(q);
      if (q.filter === "bad") throw new Error("bad filter");
      const seen = version;
      await gate;
      return { hits: [], facetDistribution: { version: { [String(seen)]: 1 } }, estimatedTotalHits: seen, page: 1, hitsPerPage: 20, processingTimeMs: 0 } as unknown as SearchResult;
    },
  };
  return { engine, calls, hold: () => { let open!: () => void; gate = new Promise((r) => (open = r)); return () => { open(); gate = Promise.resolve(); }; } };
}

describe("search result cache", () => {
  it("answers a repeated or simultaneous question with one search", async () => {
    const { engine, calls } = fakeEngine();
    const cached = new CachedSearchEngine(engine);
    const q = { q: "rewitalizacja", filter: 'group = "library"', hitsPerPage: 20 };
    const [a, b] = await Promise.all([cached.search(q), cached.search({ ...q })]);
    expect(await cached.search(q)).toBe(a);
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
    await cached.search({ ...q, page: 2 });
    expect(calls).toHaveLength(2);
  });

  it("answers afresh after every change to the index", async () => {
    const { engine, calls } = fakeEngine();
    const cached = new CachedSearchEngine(engine);
    const q = { q: "" };
    expect((await cached.search(q)).estimatedTotalHits).toBe(0);
    for (const change of [() => cached.upsert([]), () => cached.remove(["library:1"]), () => cached.clear(), () => cached.init({ synonyms: [] })]) {
      const before = (await cached.search(q)).estimatedTotalHits;
      await change();
      expect((await cached.search(q)).estimatedTotalHits).toBe(before + 1);
    }
    expect(calls).toHaveLength(5);
  });

  it("does not keep an answer that was under way while the index changed", async () => {
    const { engine, hold } = fakeEngine();
    const cached = new CachedSearchEngine(engine);
    const release = hold();
    const early = cached.search({ q: "park" });
    const change = cached.upsert([]);
    release();
    await Promise.all([early, change]);
    expect((await early).estimatedTotalHits).toBe(0);
    expect((await cached.search({ q: "park" })).estimatedTotalHits).toBe(1);
  });

  it("does not remember a failed search, and keeps at most its limit of answers", async () => {
    const { engine, calls } = fakeEngine();
    const cached = new CachedSearchEngine(engine, 2);
    await expect(cached.search({ q: "", filter: "bad" })).rejects.toThrow("bad filter");
    await expect(cached.search({ q: "", filter: "bad" })).rejects.toThrow("bad filter");
    expect(calls).toHaveLength(2);
    await cached.search({ q: "a" });
    await cached.search({ q: "b" });
    await cached.search({ q: "c" });
    await cached.search({ q: "a" });
    expect(calls.map((c) => c.q)).toEqual(["", "", "a", "b", "c", "a"]);
  });
});
