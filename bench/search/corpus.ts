// A deterministic Polish corpus for the search benchmark: words drawn with a Zipf distribution from the real Polish
// text of the demo library (so inflection, diacritics and word lengths are realistic), documents shaped like library
// items, and a query mix with missing diacritics, typos, half-typed words and filters.
import { readFileSync } from "node:fs";
import { fold } from "../../search/polish/normalize";
import { stem } from "../../search/polish/stemmer";
import type { SearchDocument } from "../../search/types";

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ["publication", "tool", "good_practice", "material", "recording"];
const AREAS = ["demografia", "gospodarka", "srodowisko-klimat", "smart-city", "finanse", "nieruchomosci"];
const CITIES = ["poznan", "gdansk", "lodz", "lublin", "rzeszow", "kalisz", "jarocin", "dzierzoniow", "swidnica", "zory", "plock", "leszno"];

const DERIVATIONS = ["owy", "ność", "anie", "arz", "ka", "ik", "ista", "owanie", "ski", "ectwo"];
const ENDINGS = ["a", "u", "em", "ie", "y", "ów", "ami", "ach", "ego", "ej", "ym", "ych", "owi", "om", "i", "ą", "ę", "o"];

export type Corpus = { docs: SearchDocument[]; vocabulary: string[] };

/** Builds n documents from a fixed seed. */
export function generateCorpus(n: number, seed = 20260401): Corpus {
  const text = readFileSync(new URL("../../db/seed-data/library.jsonl", import.meta.url), "utf8");
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\p{L}{2,}/gu)) {
    if (/[a-z]/i.test(m[0]) && !/^(externalId|kind|title|summary|body|areas|tags|authors|city|year|url|goodPractice|problem|solution|results|costAndFunding|period|contact|https|frl|org|pl)$/.test(m[0])) {
      const w = m[0].toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  // Real words ranked by frequency in the source, then rarer derived words (real stems + Polish derivational
  // suffixes), so the vocabulary grows towards what 50k documents would really hold (Heaps' law) instead of
  // repeating 5k words. Occurrences follow a Zipf law over that ranking and are inflected with common endings.
  const vocabulary = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const rnd = prng(seed);
  const lemmas = [...vocabulary];
  const seen = new Set(lemmas);
  for (const suffix of DERIVATIONS) {
    for (const w of vocabulary) {
      if (w.length < 5) continue;
      const d = w.slice(0, stem(fold(w)).length) + suffix;
      if (!seen.has(d)) {
        seen.add(d);
        lemmas.push(d);
      }
    }
  }
  const harmonic: number[] = [];
  let acc = 0;
  for (let r = 1; r <= lemmas.length; r++) harmonic.push((acc += 1 / r));
  const inflect = (w: string) => {
    if (w.length < 5 || rnd() < 0.6) return w;
    return w.slice(0, stem(fold(w)).length) + ENDINGS[Math.floor(rnd() * ENDINGS.length)];
  };
  const word = () => {
    const x = rnd() * acc;
    let lo = 0;
    let hi = harmonic.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (harmonic[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return inflect(lemmas[lo]);
  };
  const sentence = (len: number) => {
    const ws = Array.from({ length: len }, word);
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return ws.join(" ") + ".";
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const docs: SearchDocument[] = [];
  for (let i = 1; i <= n; i++) {
    const year = 2010 + Math.floor(rnd() * 16);
    const title = sentence(4 + Math.floor(rnd() * 7)).slice(0, -1);
    const city = rnd() < 0.6 ? pick(CITIES) : null;
    const areas = [...new Set([pick(AREAS), ...(rnd() < 0.4 ? [pick(AREAS)] : [])])];
    docs.push({
      id: `library:${i}`, group: "library", kind: pick(KINDS), externalId: `bench-${i}`, slug: `bench-${i}`, title,
      summary: sentence(12 + Math.floor(rnd() * 14)),
      body: Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => sentence(8 + Math.floor(rnd() * 12))).join(" "),
      areas, tags: [word(), word()], authors: [], city, cityName: city, year, eventId: null,
      date: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-15`, url: `/biblioteka/bench-${i}`,
    });
  }
  return { docs, vocabulary };
}

export type BenchQuery = { q: string; filter?: string; kind: string };

function typo(w: string, rnd: () => number): string {
  const i = 1 + Math.floor(rnd() * (w.length - 2));
  return rnd() < 0.5 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
}

/** A realistic query mix: exact, folded, typo, prefix-as-you-type and filtered queries of 1–3 words. */
export function generateQueries(corpus: Corpus, n: number, seed = 7): BenchQuery[] {
  const rnd = prng(seed);
  // Users search for topical words: skip the most frequent (function words) and the very rare.
  const pool = corpus.vocabulary.slice(60, 2500).filter((w) => w.length >= 4);
  const pick = () => pool[Math.floor(rnd() * pool.length)];
  const out: BenchQuery[] = [];
  const kinds = ["exact", "folded", "typo", "prefix", "filter"];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length];
    const words = Array.from({ length: 1 + Math.floor(rnd() * 3) }, pick);
    if (kind === "folded") out.push({ q: fold(words.join(" ")), kind });
    else if (kind === "typo") out.push({ q: words.map((w) => (w.length >= 5 ? typo(w, rnd) : w)).join(" "), kind });
    else if (kind === "prefix") {
      const last = words[words.length - 1];
      words[words.length - 1] = last.slice(0, Math.max(3, Math.ceil(last.length * 0.6)));
      out.push({ q: words.join(" "), kind });
    } else if (kind === "filter") {
      const filter = rnd() < 0.5 ? `kind = ${KINDS[i % 5]}` : `areas = ${AREAS[i % 6]} AND year >= 2018`;
      out.push({ q: words.join(" "), filter, kind });
    } else out.push({ q: words.join(" "), kind });
  }
  return out;
}
