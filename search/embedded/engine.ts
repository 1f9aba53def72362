// The default search engine: an in-memory inverted index (postings.ts) over a SQLite file that persists the
// documents, with a Meilisearch-style ranking layer in JS (see docs/decisions/0006-search-engine.md).
import type Database from "better-sqlite3";
import type { SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult, SearchSettings } from "../types.js";
import { compileSynonyms, parseQuery, type SynonymIndex } from "../polish/query.js";
import { stem } from "../polish/stemmer.js";
import { compileFilter, type FilterNode } from "../shared/filter.js";
import { formatText } from "../shared/format.js";
import { checkQuery } from "../shared/request.js";
import { CandidateScratch, findCandidates } from "./candidates.js";
import { docRows, parseTerms, parseTok, type DocAttrs } from "./documents.js";
import { FacetTable } from "./facets.js";
import { FilterCache } from "./filter-cache.js";
import { withLazyBody } from "./lazy-body.js";
import { compareBySort, rankMatches } from "./order.js";
import { PostingIndex } from "./postings.js";
import { HitData } from "./hit-data.js";
import { highlights, idMatcher, type IdMatcher } from "./rank.js";
import type { Scores } from "./scores.js";
import { slotTerms } from "./slot-terms.js";
import { dropSnapshot, loadSnapshot, saveSnapshot } from "./snapshot.js";
import { openStore, statements } from "./store.js";
import { TokenStreams } from "./token-streams.js";
import { Vocabulary } from "./vocabulary.js";

/** A result whose hits carry no body, with what is needed to highlight the body where it is read. */
export type DetachedResult = { result: SearchResult; words: string[]; prefixes: string[]; cropLength: number };

export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = "embedded" as const;
  private db: Database.Database | null = null;
  private st!: ReturnType<typeof statements>;
  private attrs: (DocAttrs | undefined)[] = [];
  private hitData = new HitData();
  private ridById = new Map<string, number>();
  private docCount = 0;
  private vocab = new Vocabulary();
  private index = new PostingIndex();
  private streams = new TokenStreams();
  /** Changed since the snapshot was written. */
  private dirty = false;
  private facets = new FacetTable();
  private filters = new FilterCache();
  /** Per-document scores reused across queries (searches run one at a time): only touched entries are reset. */
  private scratch = new CandidateScratch();
  private synonyms: SynonymIndex = compileSynonyms([]);

  /**
   * readOnly: a replica in a search thread (threaded-engine.ts): it never writes to the store, not even the snapshot,
   * and follows the primary's writes through refresh().
   */
  constructor(private readonly file: string, private readonly options: { readOnly?: boolean } = {}) {}

  private open(): void {
    if (this.db) return;
    this.db = openStore(this.file);
    this.st = statements(this.db);
    const live: number[] = [];
    for (const row of this.st.allAttrs.iterate()) {
      this.setAttrs(row.rid, JSON.parse(row.attrs) as DocAttrs, row.data);
      live.push(row.rid);
    }
    const snapshot = loadSnapshot(this.db);
    let after = 0;
    if (snapshot) {
      const stored = live.filter((rid) => rid <= snapshot.maxRid);
      this.index.importState(snapshot.postings, stored, snapshot.docs);
      this.streams.importState(snapshot.streams, (rid) => this.attrs[rid] !== undefined);
      after = snapshot.maxRid;
    }
    // Rows written after the snapshot (all of them without one) are indexed from their stored text.
    for (const row of this.st.rowsAfter.iterate(after)) {
      this.index.add(row.rid, parseTerms(row.terms), stem);
      this.streams.set(row.rid, parseTok(row.tok), this.index);
      this.dirty = true;
    }
    this.vocab.add(this.index.words());
    this.index.maybeCompact();
    this.hitData.trim();
  }

  /** Writes the packed index next to the documents so the next open is fast. */
  private saveSnapshot(): void {
    if (!this.db || !this.dirty || this.options.readOnly) return;
    saveSnapshot(this.db, {
      maxRid: this.st.maxRid.get() ?? 0,
      docs: this.docCount,
      postings: this.index.exportState(),
      streams: this.streams.exportState(),
    });
    this.dirty = false;
  }

  private setAttrs(rid: number, a: DocAttrs | undefined, data?: string): void {
    this.filters.clear();
    this.hitData.set(rid, data);
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

  /** Adds or replaces documents by id in one transaction; a replaced document gets a new rid. */
  async upsert(docs: SearchDocument[]): Promise<void> {
    this.open();
    // The last version of a document repeated in one batch wins.
    const latest = new Map(docs.map((d) => [d.id, d]));
    const prepared = [...latest.values()].map((d) => ({
      doc: d,
      rows: docRows(d),
    }));
    const replaced: number[] = [];
    const added: number[] = [];
    this.db!.transaction(() => {
      for (const { doc, rows } of prepared) {
        const old = this.ridById.get(doc.id);
        if (old !== undefined) {
          this.st.deleteDoc.run(old);
          replaced.push(old);
        }
        const row = this.st.insertDoc.run(
          doc.id,
          rows.data,
          doc.body,
          JSON.stringify(rows.attrs),
          rows.tok,
          rows.terms
        );
        added.push(Number(row.lastInsertRowid));
      }
    })();
    // Memory follows only once the transaction has committed.
    for (const rid of replaced) this.forget(rid);
    prepared.forEach(({ rows }, i) => {
      this.setAttrs(added[i], rows.attrs, rows.data);
      this.vocab.add(this.index.add(added[i], rows.words, stem));
      this.streams.set(added[i], rows.ranked, this.index);
    });
    this.dirty = true;
    this.index.maybeCompact();
  }

  private forget(rid: number): void {
    this.setAttrs(rid, undefined);
    this.index.remove(rid);
    this.streams.delete(rid);
    this.dirty = true;
  }

  /** Removes documents by id; unknown ids are ignored. */
  async remove(ids: string[]): Promise<void> {
    this.open();
    const gone: number[] = [];
    this.db!.transaction(() => {
      for (const id of ids) {
        const rid = this.ridById.get(id);
        if (rid === undefined) continue;
        this.st.deleteDoc.run(rid);
        gone.push(rid);
      }
    })();
    for (const rid of gone) this.forget(rid);
    this.index.maybeCompact();
  }

  /** Empties the index. */
  async clear(): Promise<void> {
    this.open();
    this.db!.transaction(() => {
      this.st.deleteAll.run();
      dropSnapshot(this.db!);
    })();
    this.forgetAll();
  }

  private forgetAll(): void {
    this.index.clear();
    this.streams.clear();
    this.attrs = [];
    this.hitData.clear();
    this.ridById.clear();
    this.facets.clear();
    this.filters.clear();
    this.docCount = 0;
    this.vocab.clear();
  }

  /** Replica: re-reads these documents from the store after the primary wrote them (upsert or remove). */
  async refresh(ids: string[]): Promise<void> {
    this.open();
    for (const id of ids) {
      const row = this.st.rowById.get(id);
      const current = this.ridById.get(id);
      if (current !== undefined && current === row?.rid) continue;
      if (current !== undefined) this.forget(current);
      if (!row) continue;
      this.setAttrs(row.rid, JSON.parse(row.attrs) as DocAttrs, row.data);
      this.vocab.add(this.index.add(row.rid, parseTerms(row.terms), stem));
      this.streams.set(row.rid, parseTok(row.tok), this.index);
    }
    this.index.maybeCompact();
  }

  /** Replica: drops everything in memory and reads the store again (after the primary cleared it). */
  async reload(): Promise<void> {
    this.db?.close();
    this.db = null;
    this.forgetAll();
    this.open();
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
    this.saveSnapshot();
    this.db?.close();
    this.db = null;
  }

  /** Runs a query: candidates from the postings per query word and typo level, then filters, facets and re-ranking. */
  async search(query: SearchQuery): Promise<SearchResult> {
    return this.run(query, false).result;
  }

  /**
   * For a search thread: hits as plain data (no body, no _formatted.body: both are read lazily where the result
   * is used, see threaded-engine.ts), with the words that matched, for highlighting the body there.
   */
  searchDetached(query: SearchQuery): DetachedResult {
    return this.run(query, true);
  }

  private run(query: SearchQuery, detached: boolean): DetachedResult {
    const started = performance.now();
    this.open();
    const cq = checkQuery(query);
    const parsed = parseQuery(cq.q, this.synonyms);
    const slots = parsed.slots;
    // Document lists are views of preallocated Int32Arrays: growing JS arrays by push was most of the cost of
    // queries matching tens of thousands of documents.
    let rids: Int32Array;
    let scores: Scores | null = null;
    let touched: Int32Array = new Int32Array(0);
    const terms = slots.map((slot) => slotTerms(slot, this.vocab, this.index));
    const keep = this.filterBits(cq.filter);
    const scratch = this.scratch.fit(Math.max(this.index.capacity, this.attrs.length));
    let matcher: IdMatcher | null = null;
    try {
      if (slots.length === 0) {
        let n = 0;
        for (let rid = 0; rid < this.attrs.length; rid++)
          if (this.attrs[rid] && (!keep || keep[rid])) scratch.kept[n++] = rid;
        rids = scratch.kept.subarray(0, n);
      } else {
        touched = findCandidates(terms, this.index, scratch);
        scores = scratch;
        if (!keep) rids = touched;
        else {
          let n = 0;
          for (let i = 0; i < touched.length; i++) if (keep[touched[i]]) scratch.kept[n++] = touched[i];
          rids = scratch.kept.subarray(0, n);
        }
      }

      const facetDistribution: Record<string, Record<string, number>> = {};
      for (const f of cq.facets) facetDistribution[f] = this.facets.count(f, rids);

      const { page, hitsPerPage } = cq;
      const offset = (page - 1) * hitsPerPage;
      matcher = idMatcher(terms, this.index);
      let ordered: ArrayLike<number>;
      if (cq.sort.length > 0) ordered = rids.sort(compareBySort(cq.sort, this.attrs, scores));
      else if (!scores) ordered = rids;
      else {
        const ctx = { index: this.index, streams: this.streams, slotCount: terms.length, matcher, words: parsed.words };
        ordered = rankMatches(rids, scores, ctx, offset + hitsPerPage);
      }

      const isMatch = highlights(matcher);
      const shown = Array.from(
        { length: Math.max(0, Math.min(hitsPerPage, ordered.length - offset)) },
        (_, i) => ordered[offset + i]
      );
      const hits = detached ? this.plainHits(shown, isMatch, cq.cropLength) : this.hits(shown, isMatch, cq.cropLength);
      const result: SearchResult = {
        hits,
        facetDistribution,
        estimatedTotalHits: rids.length,
        page,
        hitsPerPage,
        totalPages: hitsPerPage === 0 ? 0 : Math.ceil(rids.length / hitsPerPage),
        processingTimeMs: Math.round(performance.now() - started),
        query: cq.q,
      };
      return {
        result,
        words: detached ? [...matcher.words] : [],
        prefixes: matcher.prefixes,
        cropLength: cq.cropLength,
      };
    } finally {
      scratch.reset(touched);
      matcher?.release();
    }
  }

  /** Documents passing the filter as one byte each (cached), or null without a filter. */
  private filterBits(filter: FilterNode | null): Uint8Array | null {
    if (!filter) return null;
    return this.filters.get(JSON.stringify(filter), () => {
      const keep = compileFilter(filter);
      const bits = new Uint8Array(this.attrs.length);
      for (let rid = 0; rid < this.attrs.length; rid++) {
        const a = this.attrs[rid];
        if (a && keep(a)) bits[rid] = 1;
      }
      return bits;
    });
  }

  private plainHits(rids: number[], isMatch: (token: string) => boolean, cropLength: number): SearchHit[] {
    return rids.map((rid) => {
      const doc = this.hitData.get(rid);
      const _formatted = {
        title: formatText(doc.title, isMatch),
        summary: formatText(doc.summary, isMatch, cropLength),
      };
      return Object.assign(doc, { _formatted }) as SearchHit;
    });
  }

  private hits(rids: number[], isMatch: (token: string) => boolean, cropLength: number): SearchHit[] {
    const bodies = this.st.body;
    // The body is read from the store only if asked for (while the engine is open).
    return this.plainHits(rids, isMatch, cropLength).map((hit, i) =>
      withLazyBody(hit, () => bodies.get(rids[i]), isMatch, cropLength)
    );
  }
}
