// The embedded adapter (SQLite FTS5) against the contract, plus what only it promises: the index survives a restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedSearchEngine } from "../../search/embedded/engine";
import { createSearchEngine } from "../../search/create-engine";
import { runSearchContract } from "./search-engine.contract";
import { fixtures } from "./search-fixtures";

const dir = mkdtempSync(join(tmpdir(), "frl-search-contract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runSearchContract("embedded", async (label) => new EmbeddedSearchEngine(join(dir, `${label}.db`)));

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
});
