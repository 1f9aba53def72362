// Folding, tokenising and stemming: the pieces both adapters rely on to treat Polish text alike.
import { fold, forEachToken, tokenize } from "./normalize.js";
import { stem } from "./stemmer.js";
import { compileSynonyms, parseQuery } from "./query.js";

describe("Polish text pipeline", () => {
  it("folds every Polish letter by hand, including Ł/ł, and other diacritics through NFD", () => {
    expect(fold("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż")).toBe("acelnoszz acelnoszz");
    expect(fold("Łódź")).toBe("lodz");
    expect(fold("Café Müller")).toBe("cafe muller");
  });

  it("tokenises on anything that is not a letter or digit and keeps source offsets", () => {
    expect(tokenize("Smart-city: 2024 r. (Łódź)")).toEqual(["smart", "city", "2024", "r", "lodz"]);
    const toks: Array<[string, number, number]> = [];
    forEachToken("W Łodzi, rewitalizacja", (start, end, norm) => toks.push([norm, start, end]));
    expect(toks).toEqual([["w", 0, 1], ["lodzi", 2, 7], ["rewitalizacja", 9, 22]]);
  });

  it("maps inflected forms of a word onto one stem", () => {
    const same = (...words: string[]) => expect(new Set(words.map((w) => stem(fold(w)))).size).toBe(1);
    same("budżet", "budżetu", "budżetem", "budżety", "budżetach");
    same("obywatelski", "obywatelskiego", "obywatelska", "obywatelskich", "obywatelskim");
    same("miasto", "miasta", "miastach", "miastom");
    same("rewitalizacja", "rewitalizacji", "rewitalizację", "rewitalizacją");
    same("mieszkańcy", "mieszkańców", "mieszkańcami");
    expect(stem("lodz")).toBe("lodz");
  });

  it("turns synonym phrases (also inflected) into one slot and drops stop words", () => {
    const syn = compileSynonyms([["mrl", "monitor rozwoju lokalnego"]]);
    const q = parseQuery("dane z monitora rozwoju lokalnego", syn);
    expect(q.slots.map((s) => s.text)).toEqual(["dane", "monitora rozwoju lokalnego"]);
    expect(q.slots[1].alts.map((a) => a.map((t) => t.word).join(" "))).toEqual(["monitora rozwoju lokalnego", "mrl"]);
    expect(parseQuery("rewit", syn).slots[0].alts[0][0].prefix).toBe(true);
    expect(parseQuery("rewit ", syn).slots[0].alts[0][0].prefix).toBe(false);
  });
});
