// The default search engine: SQLite FTS5 in its own file as the persistent candidate generator, with a thin
// Meilisearch-style ranking layer in JS (see docs/decisions/search-engine.md).
import type Database from "better-sqlite3";
import type { SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult, SearchSettings } from "../types";
import { compileSynonyms, parseQuery, slotMatcher, type QuerySlot, type SynonymIndex } from "../polish/query";
import { compileFilter } from "../shared/filter";
import { formatText } from "../shared/format";
import { checkQuery, type SortSpec } from "../shared/request";
import { docRows, type DocAttrs } from "./documents";
import { coarseKey, popcount, slotExpressions, type Scores } from "./expressions";
import { FacetTable } from "./facets";
import { fineRank, type Candidate } from "./rank";
import { openStore, parseIds, statements } from "./store";
import { Vocabulary } from "./vocabulary";

/** Candidates re-ranked in JS at least (more when a later page is asked for). */
const MIN_FINE = 20;
/** Upper bound of candidates re-ranked in JS when many tie on words/typo/title. */
const MAX_FINE = 32;

/** Title and summary formatted now; the body (long, rarely shown) only when read, then cached. */
function lazyFormatted(doc: SearchDocument, isMatch: (token: string) => boolean, cropLength: number): SearchHit["_formatted"] {
  let body: string | undefined;
  const formatted = { title: formatText(doc.title, isMatch), summary: formatText(doc.summary, isMatch, cropLength) };
  Object.defineProperty(formatted, "body", { enumerable: true, get: () => (body ??= formatText(doc.body, isMatch, cropLength)) });
  return formatted as SearchHit["_formatted"];
}

function compareBySort(sort: SortSpec[], attrs: (DocAttrs | undefined)[], scores: Scores | null) {
  return (a: number, b: number): number => {
    for (const s of sort) {
      const x = s.field === "date" ? attrs[a]!.date : attrs[a]!.titleKey;
      const y = s.field === "date" ? attrs[b]!.date : attrs[b]!.titleKey;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -s.dir : s.dir;
    }
    return (scores ? coarseKey(scores, null, b) - coarseKey(scores, null, a) : 0) || a - b;
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
  private facets = new FacetTable();
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
    this.facets.set(rid, a);
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
          this.st.deleteTitle.run(rid);
          this.st.updateDoc.run(data, attrs, rows.tok, rid);
        } else {
          rid = Number(this.st.insertDoc.run(doc.id, data, attrs, rows.tok).lastInsertRowid);
        }
        this.st.insertFts.run(rid, rows.fts.all);
        this.st.insertTitle.run(rid, rows.fts.title);
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
        this.st.deleteTitle.run(rid);
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
      this.db!.exec("DELETE FROM docs; INSERT INTO fts (fts) VALUES ('delete-all'); INSERT INTO fts_title (fts_title) VALUES ('delete-all');");
    })();
    this.attrs = [];
    this.ridById.clear();
    this.facets.clear();
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
    let rids: number[] = [];
    let scores: Scores | null = null;
    if (slots.length === 0) {
      for (let rid = 0; rid < this.attrs.length; rid++) {
        const a = this.attrs[rid];
        if (a && keep(a)) rids.push(rid);
      }
    } else {
      const found = this.candidates(slots);
      scores = found.scores;
      if (!cq.filter) rids = found.touched;
      else {
        for (const rid of found.touched) {
          const a = this.attrs[rid];
          if (a && keep(a)) rids.push(rid);
        }
      }
    }

    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const f of cq.facets) facetDistribution[f] = this.facets.count(f, rids);

    const { page, hitsPerPage } = cq;
    const offset = (page - 1) * hitsPerPage;
    const matcher = slotMatcher(slots, (w) => this.vocab.typoMap(w));
    let ordered: number[];
    if (cq.sort.length > 0) ordered = rids.sort(compareBySort(cq.sort, this.attrs, scores));
    else if (!scores) ordered = rids;
    else ordered = this.rank(rids, scores, slots, matcher, parsed.words, offset + hitsPerPage);

    const hits = this.hits(ordered.slice(offset, offset + hitsPerPage), (t) => matcher(t).length > 0, cq.cropLength);
    return {
      hits,
      facetDistribution,
      estimatedTotalHits: rids.length,
      page,
      hitsPerPage,
      totalPages: hitsPerPage === 0 ? 0 : Math.ceil(rids.length / hitsPerPage),
      processingTimeMs: Math.round(performance.now() - started),
      query: cq.q,
    };
  }

  /** Documents matching at least one slot, with per-document slot mask and typo sum from FTS5. */
  private candidates(slots: QuerySlot[]): { touched: number[]; scores: Scores } {
    const size = this.attrs.length + 1;
    const scores: Scores = { mask: new Uint16Array(size), typo: new Uint8Array(size), title: null, slots: [] };
    const { mask, typo } = scores;
    const touched: number[] = [];
    slots.forEach((slot, s) => {
      const bit = 1 << s;
      const { byTypo: exprs, title } = slotExpressions(slot, this.vocab);
      scores.slots.push(title);
      exprs.forEach((expr, k) => {
        if (!expr) return;
        const rows = parseIds(this.st.match.get(expr));
        for (let i = 0; i < rows.length; i++) {
          const rid = rows[i];
          const m = mask[rid];
          if (m & bit) continue;
          if (m === 0) touched.push(rid);
          mask[rid] = m | bit;
          typo[rid] += k;
        }
      });
    });
    return { touched, scores };
  }

  /** Title matches per document, fetched only when there are more matches than the re-ranked pool. */
  private titleCounts(scores: Scores): Uint8Array {
    if (scores.title) return scores.title;
    const title = new Uint8Array(scores.mask.length);
    scores.slots.forEach((expr, s) => {
      const bit = 1 << s;
      const rows = parseIds(this.st.matchTitle.get(expr));
      for (let i = 0; i < rows.length; i++) if (scores.mask[rows[i]] & bit) title[rows[i]]++;
    });
    scores.title = title;
    return title;
  }

  /** Orders matches: a coarse key picks the pool worth re-ranking, fineRank orders it with all rules. */
  private rank(
    rids: number[],
    scores: Scores,
    slots: QuerySlot[],
    matcher: ReturnType<typeof slotMatcher>,
    words: string[],
    needed: number,
  ): number[] {
    if (rids.length === 0) return rids;
    const want = Math.max(needed, MIN_FINE);
    let pool = rids;
    let rest: number[] = [];
    if (rids.length > want) {
      // Pick the pool by a histogram over the small integer coarse key: no sort of all matches.
      const title = this.titleCounts(scores);
      const keys = new Uint16Array(rids.length);
      const histogram = new Int32Array(1 << 12);
      for (let i = 0; i < rids.length; i++) histogram[(keys[i] = coarseKey(scores, title, rids[i]))]++;
      let threshold = histogram.length - 1;
      for (let seen = 0; threshold > 0; threshold--) if ((seen += histogram[threshold]) >= want) break;
      const cap = Math.max(want, MAX_FINE);
      pool = [];
      for (let i = 0; i < rids.length; i++) if (keys[i] > threshold) pool.push(rids[i]);
      for (let i = 0; i < rids.length && pool.length < cap; i++) if (keys[i] === threshold) pool.push(rids[i]);
      if (needed > pool.length) {
        const inPool = new Set(pool);
        const key = (rid: number) => coarseKey(scores, title, rid);
        rest = rids.filter((rid) => !inPool.has(rid)).sort((a, b) => key(b) - key(a) || a - b);
      }
    }
    const tokens = new Map<number, string>();
    for (const row of this.st.tokens.all(JSON.stringify(pool))) tokens.set(row.rid, row.tok);
    const title = scores.title;
    const cands: Candidate[] = pool.map((rid) => ({
      rid,
      words: popcount(scores.mask[rid]),
      typo: scores.typo[rid],
      title: title ? title[rid] : 0,
    }));
    return [...fineRank(cands, tokens, slots, matcher, words).map((c) => c.rid), ...rest];
  }

  private hits(rids: number[], isMatch: (token: string) => boolean, cropLength: number): SearchHit[] {
    if (rids.length === 0) return [];
    const byRid = new Map<number, SearchDocument>();
    for (const row of this.st.data.all(JSON.stringify(rids))) byRid.set(row.rid, JSON.parse(row.data) as SearchDocument);
    return rids.map((rid) => {
      const doc = byRid.get(rid)!;
      return {
        ...doc,
        _formatted: lazyFormatted(doc, isMatch, cropLength),
      };
    });
  }
}
