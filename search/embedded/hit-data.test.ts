// Hits are decoded from one shared byte arena: replacing and removing documents must never hand back another
// document's bytes, also after the arena is compacted and after it grows past its first size.
import { HitData } from "./hit-data.js";

const doc = (rid: number, version: number) =>
  JSON.stringify({ id: `library:${rid}`, title: `Rewitalizacja w Łodzi nr ${rid} (wersja ${version})`, summary: "Żółć ".repeat(rid % 50) });

describe("HitData", () => {
  it("keeps each rid's document through growth, replacement, removal and compaction", () => {
    const data = new HitData();
    const expected = new Map<number, string>();
    // 3,000 documents (~300 KB) grow the arena several times.
    for (let rid = 1; rid <= 3000; rid++) {
      data.set(rid, doc(rid, 1));
      expected.set(rid, doc(rid, 1));
    }
    // A replaced document keeps its rid in this test (the engine gives it a new one, either way must hold).
    for (let rid = 1; rid <= 3000; rid += 3) {
      data.set(rid, doc(rid, 2));
      expected.set(rid, doc(rid, 2));
    }
    // Removing two thirds leaves most of the arena dead, which triggers compaction.
    for (let rid = 2; rid <= 3000; rid += 3) {
      data.set(rid, undefined);
      expected.delete(rid);
    }
    for (let rid = 3; rid <= 3000; rid += 3) {
      data.set(rid, undefined);
      expected.delete(rid);
    }
    data.trim();
    for (const [rid, json] of expected) expect(data.get(rid)).toEqual(JSON.parse(json));
    expect(() => data.get(2)).toThrow(/no document at rid 2/);
    expect(() => data.get(99_999)).toThrow(/no document/);
    data.clear();
    expect(() => data.get(1)).toThrow(/no document/);
    data.set(1, doc(1, 3));
    expect(data.get(1).title).toBe("Rewitalizacja w Łodzi nr 1 (wersja 3)");
  });
});
