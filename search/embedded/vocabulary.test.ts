// The trie-like typo candidate walk must find exactly what a brute-force Damerau scan with Meilisearch's counting finds.
import { Vocabulary } from "./vocabulary.js";
import { typoCost } from "../polish/typo.js";
import { tokenize } from "../polish/normalize.js";
import { fixtures } from "../../tests/contract/search-fixtures.js";

const text = fixtures.map((d) => `${d.title} ${d.summary} ${d.body}`).join(" ");
const extra = ["rewitalizacja", "rewitalizacji", "rewitalizacją", "budżet", "budżetu", "budzet", "bużdet", "kompost", "kompot",
  "kompostownik", "kompostowniki", "obywatelski", "obywatelskiego", "mieszkańcy", "mieszkańców", "parking", "parkingi",
  "przestrzeń", "przestrzeni", "udzet", "xbudzet", "abudzet"];
const terms = [...new Set([...tokenize(text), ...tokenize(extra.join(" "))])];

describe("Vocabulary.typoCandidates", () => {
  const vocab = new Vocabulary();
  vocab.add(terms.map((t, id) => [t, id] as const));
  const typoCandidates = (word: string) => vocab.typoCandidates(word).map(([id, c]) => [terms[id], c] as const);

  it.each(["budzte", "bydzet", "budzet", "rewitalisajca", "rewitalizajca", "kompost", "obywatelskigo", "mieszkancw", "parkign", "przestrzne", "budzetu", "abc"])(
    "agrees with brute force for %s",
    (word) => {
      const expected = terms
        .map((t) => [t, typoCost(word, t)] as const)
        .filter(([t, c]) => c !== null && c > 0 && t !== word)
        .map(([t, c]) => `${t}:${c}`)
        .sort();
      const got = typoCandidates(word).map(([t, c]) => `${t}:${c}`).sort();
      expect(got).toEqual(expected);
    },
  );

  it("applies Meilisearch's budgets: none up to 4 letters, a first-letter typo costs two", () => {
    expect(typoCandidates("rafa")).toEqual([]);
    expect(new Map(typoCandidates("budzte")).get("budzet")).toBe(1);
    expect(new Map(typoCandidates("xbudzet")).has("budzet")).toBe(false); // 7 letters: one typo only
    expect(new Map(typoCandidates("rewitalisajca")).get("rewitalizacja")).toBe(2);
  });
});
