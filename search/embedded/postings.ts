// The in-memory inverted index of the embedded engine: for every term (a folded word, or a stem marked with a
// leading "_") the documents holding it, each posting packing the document's rid with the attributes the term occurs
// in (low 4 bits). Postings of the last compaction sit in one Int32Array (offsets per term id, no per-term objects);
// documents added since go to small per-term tails. Removed documents stay in the lists until the next compaction
// and are skipped through `live`. The SQLite file stays the persistent store: this index is rebuilt from it on open.

/** Attribute bits of a posting, in the order of the attribute ranking rule. */
export const ATTR_BITS = { title: 1, summary: 2, meta: 4, body: 8 } as const;
const SHIFT = 4;
const MASK = (1 << SHIFT) - 1;
export const POSTING_SHIFT = SHIFT;

export type PostingVisitor = (rid: number, bits: number) => void;

/** The packed form of the index, as stored in the snapshot (see snapshot.ts). */
export type PostingState = { terms: string[]; stemOf: Int32Array; offsets: Int32Array; base: Int32Array };

export class PostingIndex {
  private ids = new Map<string, number>();
  private terms: string[] = [];
  /** Per word term id: the term id of its stem (-1 for stems and words not yet seen in a document). */
  private stemOf: number[] = [];
  /** Per stem term id: the word ids with that stem (the reverse of stemOf). */
  private stemWords: (number[] | undefined)[] = [];
  private offsets: Int32Array = new Int32Array(1);
  private base: Int32Array = new Int32Array(0);
  private tails: (number[] | undefined)[] = [];
  private tailSize = 0;
  private deadDocs = 0;
  private liveDocs = 0;
  /** live[rid] is 1 while the document is in the index. */
  live = new Uint8Array(1024);

  /** One past the largest rid seen: the size of per-document scratch arrays. */
  get capacity(): number {
    return this.live.length;
  }

  /** One past the largest term id. */
  get termCount(): number {
    return this.terms.length;
  }

  /** The term with this id. */
  term(id: number): string {
    return this.terms[id];
  }

  /** The term id of a word's stem, or -1. */
  stemId(wordId: number): number {
    return this.stemOf[wordId] ?? -1;
  }

  /** Every indexed word (stems left out) with its term id. */
  words(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    this.terms.forEach((t, id) => {
      if (t[0] !== "_") out.push([t, id]);
    });
    return out;
  }

  /** The id of a term, or undefined when no document ever held it. */
  termId(term: string): number | undefined {
    return this.ids.get(term);
  }

  private intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      // Arrays grown by push stay packed (no holes), which keeps V8 from falling back to dictionary mode.
      this.stemOf.push(-1);
      this.stemWords.push(undefined);
      this.tails.push(undefined);
    }
    return id;
  }

  /**
   * Indexes a document: `words` are its distinct folded words with their attribute bits; `stem` maps a word to its
   * stem (called once per distinct word in the whole index). Returns the words that were new to the index, with
   * their term ids.
   */
  add(rid: number, words: Array<[string, number]>, stem: (word: string) => string): Array<[string, number]> {
    this.markLive(rid);
    const fresh: Array<[string, number]> = [];
    const stems = new Map<number, number>();
    for (const [word, bits] of words) {
      const known = this.ids.get(word);
      const id = known ?? this.intern(word);
      if (known === undefined) fresh.push([word, id]);
      let sid = this.stemOf[id];
      if (sid < 0) {
        sid = this.stemOf[id] = this.intern("_" + stem(word));
        this.linkStem(id, sid);
      }
      stems.set(sid, (stems.get(sid) ?? 0) | bits);
      this.push(id, rid, bits);
    }
    for (const [sid, bits] of stems) this.push(sid, rid, bits);
    return fresh;
  }

  private linkStem(word: number, stem: number): void {
    const list = this.stemWords[stem];
    if (list) list.push(word);
    else this.stemWords[stem] = [word];
  }

  /** The word ids sharing a stem. */
  wordsOfStem(stemId: number): readonly number[] {
    return this.stemWords[stemId] ?? [];
  }

  private push(term: number, rid: number, bits: number): void {
    const tail = this.tails[term];
    const posting = (rid << SHIFT) | bits;
    if (tail) tail.push(posting);
    else this.tails[term] = [posting];
    this.tailSize++;
  }

  /** Forgets a document; its postings are skipped now and dropped at the next compaction. */
  remove(rid: number): void {
    if (!this.live[rid]) return;
    this.live[rid] = 0;
    this.liveDocs--;
    this.deadDocs++;
  }

  /** Merges tails into the packed array and drops removed documents once either has grown enough to matter. */
  maybeCompact(): void {
    if (this.tailSize > this.base.length / 2 + 20_000 || this.deadDocs > this.liveDocs / 4 + 500) this.compact();
  }

  compact(): void {
    const n = this.terms.length;
    const live = this.live;
    const counts = new Int32Array(n + 1);
    this.each((t, posting) => {
      if (live[posting >>> SHIFT]) counts[t + 1]++;
    });
    for (let t = 0; t < n; t++) counts[t + 1] += counts[t];
    const base = new Int32Array(counts[n]);
    const fill = counts.slice(0, n);
    this.each((t, posting) => {
      if (live[posting >>> SHIFT]) base[fill[t]++] = posting;
    });
    this.base = base;
    this.offsets = counts;
    this.tails = this.terms.map(() => undefined);
    this.tailSize = 0;
    this.deadDocs = 0;
  }

  private each(visit: (term: number, posting: number) => void): void {
    const packed = this.offsets.length - 1;
    for (let t = 0; t < packed; t++) for (let i = this.offsets[t]; i < this.offsets[t + 1]; i++) visit(t, this.base[i]);
    this.tails.forEach((tail, t) => {
      if (tail) for (const posting of tail) visit(t, posting);
    });
  }

  /** The packed index (compacting first), for the snapshot. */
  exportState(): PostingState {
    this.compact();
    return { terms: this.terms, stemOf: Int32Array.from(this.stemOf), offsets: this.offsets, base: this.base };
  }

  /** Replaces the index with a stored one; only the listed documents are live (others were removed since). */
  importState(state: PostingState, liveRids: number[], storedDocs: number): void {
    this.clear();
    this.terms = state.terms;
    state.terms.forEach((t, id) => this.ids.set(t, id));
    this.stemOf = Array.from(state.stemOf);
    this.stemWords = state.terms.map(() => undefined);
    this.stemOf.forEach((sid, word) => {
      if (sid >= 0) this.linkStem(word, sid);
    });
    this.offsets = state.offsets;
    this.base = state.base;
    this.tails = state.terms.map(() => undefined);
    for (const rid of liveRids) this.markLive(rid);
    this.deadDocs = storedDocs - liveRids.length;
  }

  private markLive(rid: number): void {
    if (rid >= this.live.length) {
      const grown = new Uint8Array(Math.max(rid + 1, this.live.length * 2));
      grown.set(this.live);
      this.live = grown;
    }
    if (this.live[rid]) throw new Error(`document ${rid} is already indexed`);
    this.live[rid] = 1;
    this.liveDocs++;
  }

  /**
   * The postings of a term as slices [array, from, to] (the packed part, then the tail), each posting being
   * rid << POSTING_SHIFT | bits and possibly of a removed document (check `live`): for loops too hot for a callback.
   */
  slices(term: number): Array<[ArrayLike<number>, number, number]> {
    const out: Array<[ArrayLike<number>, number, number]> = [];
    if (term < this.offsets.length - 1) out.push([this.base, this.offsets[term], this.offsets[term + 1]]);
    const tail = this.tails[term];
    if (tail) out.push([tail, 0, tail.length]);
    return out;
  }

  /** Calls visit(rid, bits) for every live document holding the term. */
  scan(term: number, visit: PostingVisitor): void {
    const live = this.live;
    const base = this.base;
    if (term < this.offsets.length - 1) {
      for (let i = this.offsets[term], end = this.offsets[term + 1]; i < end; i++) {
        const p = base[i];
        const rid = p >>> SHIFT;
        if (live[rid]) visit(rid, p & MASK);
      }
    }
    const tail = this.tails[term];
    if (tail) {
      for (let i = 0; i < tail.length; i++) {
        const p = tail[i];
        const rid = p >>> SHIFT;
        if (live[rid]) visit(rid, p & MASK);
      }
    }
  }

  /** Number of live documents holding the term (for choosing the smallest list first). */
  size(term: number): number {
    const packed = term < this.offsets.length - 1 ? this.offsets[term + 1] - this.offsets[term] : 0;
    return packed + (this.tails[term]?.length ?? 0);
  }

  clear(): void {
    this.ids.clear();
    this.terms = [];
    this.stemOf = [];
    this.stemWords = [];
    this.offsets = new Int32Array(1);
    this.base = new Int32Array(0);
    this.tails = [];
    this.tailSize = 0;
    this.deadDocs = 0;
    this.liveDocs = 0;
    this.live = new Uint8Array(1024);
  }
}
