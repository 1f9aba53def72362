// Pure parts of the Meilisearch adapter that do not need a server: settings, id encoding, stemmed queries, tasks.
import { encodeId, meiliQuery, meiliSynonyms, toMeili, fromMeili } from "./documents.js";
import { assertTask, meiliSettings } from "./engine.js";
import { fixtures } from "../../tests/contract/search-fixtures.js";
import type { Task } from "meilisearch";

describe("Meilisearch adapter mapping", () => {
  it("encodes ids into Meilisearch's alphabet without collisions", () => {
    expect(encodeId("library:12")).toBe("library_003a12");
    expect(encodeId("library_12")).not.toBe(encodeId("library:12"));
    expect(encodeId("a-b")).toBe("a-b");
  });

  it("round-trips a document and adds folded stems per attribute", () => {
    const m = toMeili(fixtures[0]);
    expect(m.s_title).toBe("budzet obywatelsk w dzierzoni");
    expect(fromMeili(m as unknown as Record<string, unknown>)).toEqual(fixtures[0]);
  });

  it("stems queries and synonyms the same way, keeping a trailing space", () => {
    expect(meiliQuery("obywatelskiego budżetu")).toBe("obywatelsk budzet");
    expect(meiliQuery("rewit ")).toBe("rewit ");
    expect(meiliSynonyms([["mrl", "monitor rozwoju lokalnego"]])).toEqual({
      mrl: ["monitor rozwoj lokaln"],
      "monitor rozwoj lokaln": ["mrl"],
    });
  });

  it("applies the ranking rules, typo thresholds and attributes by code", () => {
    const s = meiliSettings({ synonyms: [] });
    expect(s.rankingRules).toEqual(["sort", "words", "typo", "proximity", "attribute", "exactness"]);
    expect(s.typoTolerance).toMatchObject({ minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
    expect(s.filterableAttributes).toEqual(["group", "kind", "areas", "city", "year", "eventId", "membersOf"]);
  });

  it("sends membersOf only on members-only documents, so `membersOf NOT EXISTS` keeps the public ones", () => {
    expect(Object.hasOwn(toMeili(fixtures[0]), "membersOf")).toBe(false);
    expect(toMeili(fixtures.find((d) => d.id === "library:6")!).membersOf).toEqual(["1"]);
  });

  it("turns a failed task into an exception", () => {
    const failed = { uid: 3, status: "failed", error: { code: "invalid_document_id", message: "bad id" } } as unknown as Task;
    expect(() => assertTask(failed, "add documents")).toThrow(/invalid_document_id: bad id/);
  });
});
