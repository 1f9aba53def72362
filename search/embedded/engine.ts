// The default search engine: SQLite FTS5 in its own file as the persistent candidate generator, with a thin
// Meilisearch-style ranking layer in JS (see docs/decisions/search-engine.md).
import type Database from "better-sqlite3";
import type { SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult, SearchSettings } from "../types";
import { compileSynonyms, parseQuery, slotMatcher, type QuerySlot, type QueryTerm, type SynonymIndex } from "../polish/query";
import { compileFilter } from "../shared/filter";
import { formatText } from "../shared/format";
import { checkQuery, type SortSpec } from "../shared/request";
import { docRows, type DocAttrs } from "./documents";
import { fineRank, type Candidate } from "./rank";
import { openStore, statements } from "./store";
import { Vocabulary } from "./vocabulary";

/** Candidates re-ranked in JS at least (more when a later page is asked for). */
const MIN_FINE = 50;
/** Upper bound of candidates re-ranked in JS when many tie on words/typo/title. */
const MAX_FINE = 300;

const quote = (w: string) => `"${w}"`;

function termExpr(t: QueryTerm): string {
  const word = t.prefix ? `${quote(t.word)}*` : quote(t.word);
  return `({title summary meta body} : ${word} OR {stitle stext} : ${quote(t.stem)})`;
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

function coarseKey(c: Candidate): number {
  return c.words * 10_000 + (99 - c.typo) * 100 + c.title;
}

function compareBySort(sort: SortSpec[], attrs: (DocAttrs | undefined)[]) {
  return (a: Candidate, b: Candidate): number => {
    for (const s of sort) {
      const x = s.field === "date" ? attrs[a.rid]!.date : attrs[a.rid]!.titleKey;
      const y = s.field === "date" ? attrs[b.rid]!.date : attrs[b.rid]!.titleKey;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -s.dir : s.dir;
    }
    return coarseKey(b) - coarseKey(a) || a.rid - b.rid;
  };
}

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded" as const;
  private db: Database.Database | null = null;
  private st!: ReturnType<typeof statements>;
  private attrs: (DocAttrs | undefined)[] = [];
  private ridById = new Map<string, number>();
  private docCount = 0;
  private vocab = new Vocabulary();
  private synonyms: SynonymIndex = compileSynonyms([]);

  constructor(private readonly file: string) {}

  private open(): void {
    if (this.db) return;
    this.db = openStore(this.file);
    this.st = statements(this.db);
    for (const row of this.st.allAttrs.all()) this.setAttrs(row.rid, JSON.parse(row.attrs) as DocAttrs);
    this.vocab.add(this.st.vocab.all());
  }

  private setAttrs(rid: number, a: DocAttrs | undefined): void {
    const before = this.attrs[rid];
    if (before) this.ridById.delete(before.id);
    if (before && !a) this.docCount--;
    if (!before && a) this.docCount++;
    this.attrs[rid] = a;
    if (a) this.ridById.set(a.id, rid);
  }

  /** Opens the index file (creating it) and applies synonyms. */
  async init(settings: SearchSettings): Promise<void> {
    this.open();
    this.synonyms = compileSynonyms(settings.synonyms);
  }

  /** Adds or replaces documents by id in one transaction. */
  async upsert(docs: SearchDocument[]): Promise<void> {
    this.open();
    const prepared = docs.map((d) => ({ doc: d, rows: docRows(d) }));
    const applied: Array<[number, DocAttrs]> = [];
    this.db!.transaction(() => {
      for (const { doc, rows } of prepared) {
        const data = JSON.stringify(doc);
        const attrs = JSON.stringify(rows.attrs);
        let rid = this.st.ridById.get(doc.id)?.rid;
        if (rid !== undefined) {
          this.st.deleteFts.run(rid);
          this.st.updateDoc.run(data, attrs, rows.tok, rid);
        } else {
          rid = Number(this.st.insertDoc.run(doc.id, data, attrs, rows.tok).lastInsertRowid);
        }
        const f = rows.fts;
        this.st.insertFts.run(rid, f.title, f.summary, f.meta, f.body, f.stitle, f.stext);
        applied.push([rid, rows.attrs]);
      }
    })();
    for (const [rid, a] of applied) this.setAttrs(rid, a);
    for (const { rows } of prepared) this.vocab.add(rows.terms);
  }

  /** Removes documents by id; unknown ids are ignored. */
  async remove(ids: string[]): Promise<void> {
    this.open();
    const gone: number[] = [];
    this.db!.transaction(() => {
      for (const id of ids) {
        const rid = this.st.ridById.get(id)?.rid;
        if (rid === undefined) continue;
        this.st.deleteFts.run(rid);
        this.st.deleteDoc.run(rid);
        gone.push(rid);
      }
    })();
    for (const rid of gone) this.setAttrs(rid, undefined);
  }

  /** Empties the index. */
  async clear(): Promise<void> {
    this.open();
    this.db!.transaction(() => {
      this.db!.exec("DELETE FROM docs; INSERT INTO fts (fts) VALUES ('delete-all');");
    })();
    this.attrs = [];
    this.ridById.clear();
    this.docCount = 0;
    this.vocab.clear();
  }

  async count(): Promise<number> {
    this.open();
    return this.docCount;
  }

  async healthy(): Promise<boolean> {
    try {
      this.open();
      this.db!.prepare("SELECT 1").get();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
  }

  /** Runs a query: FTS5 candidates per query word and typo level, then filters, facets and re-ranking in JS. */
  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    this.open();
    const cq = checkQuery(query);
    const keep = compileFilter(cq.filter);
    const parsed = parseQuery(cq.q, this.synonyms);
    const slots = parsed.slots;
    const matched: Candidate[] = [];
    if (slots.length === 0) {
      for (let rid = 0; rid < this.attrs.length; rid++) {
        const a = this.attrs[rid];
        if (a && keep(a)) matched.push({ rid, words: 0, typo: 0, title: 0 });
      }
    } else {
      for (const c of this.candidates(slots)) if (keep(this.attrs[c.rid]!)) matched.push(c);
    }

    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const f of cq.facets) {
      const counts: Record<string, number> = {};
      for (const c of matched) {
        const v = this.attrs[c.rid]![f];
        if (v === null || v === undefined) continue;
        for (const x of Array.isArray(v) ? new Set(v) : [v]) counts[String(x)] = (counts[String(x)] ?? 0) + 1;
      }
      facetDistribution[f] = counts;
    }

    const { page, hitsPerPage } = cq;
    const offset = (page - 1) * hitsPerPage;
    const matcher = slotMatcher(slots);
    let ordered: Candidate[];
    if (cq.sort.length > 0) ordered = matched.sort(compareBySort(cq.sort, this.attrs));
    else if (slots.length === 0) ordered = matched;
    else ordered = this.rank(matched, slots, matcher, parsed.words, offset + hitsPerPage);

    const pageRids = ordered.slice(offset, offset + hitsPerPage).map((c) => c.rid);
    const hits = this.hits(pageRids, (t) => matcher(t).length > 0, cq.cropLength);
    return {
      hits,
      facetDistribution,
      estimatedTotalHits: matched.length,
      page,
      hitsPerPage,
      totalPages: hitsPerPage === 0 ? 0 : Math.ceil(matched.length / hitsPerPage),
      processingTimeMs: Math.round(performance.now() - started),
      query: cq.q,
    };
  }

  /** Documents matching at least one slot, with words matched, typos and title matches from FTS5. */
  private candidates(slots: QuerySlot[]): Candidate[] {
    const size = this.attrs.length + 1;
    const mask = new Uint16Array(size);
    const typo = new Uint8Array(size);
    const title = new Uint8Array(size);
    const touched: number[] = [];
    slots.forEach((slot, s) => {
      const bit = 1 << s;
      const byTypo: string[][] = [[], [], []];
      const titleParts: string[] = [];
      for (const alt of slot.alts) {
        byTypo[0].push("(" + alt.map(termExpr).join(" AND ") + ")");
        const titleTerms: string[] = [];
        for (const t of alt) {
          const words = [t.prefix ? `${quote(t.word)}*` : quote(t.word)];
          if (alt.length === 1 && t.typos > 0) {
            for (const [cand, d] of this.vocab.typoCandidates(t.word)) {
              if (d > t.typos) continue;
              byTypo[d].push(quote(cand));
              words.push(quote(cand));
            }
          }
          titleTerms.push(`({title} : (${words.join(" OR ")}) OR {stitle} : ${quote(t.stem)})`);
        }
        titleParts.push("(" + titleTerms.join(" AND ") + ")");
      }
      const exprs = [
        byTypo[0].join(" OR "),
        byTypo[1].length ? `{title summary meta body} : (${byTypo[1].join(" OR ")})` : "",
        byTypo[2].length ? `{title summary meta body} : (${byTypo[2].join(" OR ")})` : "",
      ];
      exprs.forEach((expr, k) => {
        if (!expr) return;
        for (const rid of this.st.match.all(expr)) {
          const m = mask[rid];
          if (m & bit) continue;
          if (m === 0) touched.push(rid);
          mask[rid] = m | bit;
          typo[rid] += k;
        }
      });
      for (const rid of this.st.match.all(titleParts.join(" OR "))) if (mask[rid] & bit) title[rid]++;
    });
    return touched
      .filter((rid) => this.attrs[rid])
      .map((rid) => ({ rid, words: popcount(mask[rid]), typo: typo[rid], title: title[rid] }));
  }

  /** Orders matches: a coarse key picks the pool worth re-ranking, fineRank orders it with all rules. */
  private rank(
    matched: Candidate[],
    slots: QuerySlot[],
    matcher: ReturnType<typeof slotMatcher>,
    words: string[],
    needed: number,
  ): Candidate[] {
    if (matched.length === 0) return matched;
    const want = Math.max(needed, MIN_FINE);
    let pool: Candidate[];
    let rest: Candidate[] = [];
    if (matched.length <= want) pool = matched;
    else {
      const keys = Float64Array.from(matched, coarseKey).sort().reverse();
      const threshold = keys[want - 1];
      pool = matched.filter((c) => coarseKey(c) >= threshold);
      if (pool.length > Math.max(want, MAX_FINE)) {
        pool.sort((a, b) => coarseKey(b) - coarseKey(a) || a.rid - b.rid);
        pool = pool.slice(0, Math.max(want, MAX_FINE));
      }
      if (needed > pool.length) {
        const inPool = new Set(pool.map((c) => c.rid));
        rest = matched.filter((c) => !inPool.has(c.rid)).sort((a, b) => coarseKey(b) - coarseKey(a) || a.rid - b.rid);
      }
    }
    const tokens = new Map<number, string>();
    for (const row of this.st.tokens.all(JSON.stringify(pool.map((c) => c.rid)))) tokens.set(row.rid, row.tok);
    return [...fineRank(pool, tokens, slots, matcher, words), ...rest];
  }

  private hits(rids: number[], isMatch: (token: string) => boolean, cropLength: number): SearchHit[] {
    if (rids.length === 0) return [];
    const byRid = new Map<number, SearchDocument>();
    for (const row of this.st.data.all(JSON.stringify(rids))) byRid.set(row.rid, JSON.parse(row.data) as SearchDocument);
    return rids.map((rid) => {
      const doc = byRid.get(rid)!;
      return {
        ...doc,
        _formatted: {
          title: formatText(doc.title, isMatch),
          summary: formatText(doc.summary, isMatch, cropLength),
          body: formatText(doc.body, isMatch, cropLength),
        },
      };
    });
  }
}
