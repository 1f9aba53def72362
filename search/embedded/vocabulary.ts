// The set of indexed words as a trie in typed arrays, each word ending at a node holding its term id, for expanding
// query words: typo candidates by walking the
// trie with Damerau (optimal string alignment) rows shared by every word below a node, cutting a branch as soon as
// its row exceeds the budget; and the words a half-typed word starts. A first-letter typo costs two (typo.ts), so
// the walk starts below the query's first letter and the few first-letter variants are looked up directly.
// Filled as documents are indexed (removed words linger harmlessly: they match nothing).
import { maxTypos } from "../polish/typo.js";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const MAX_TERM = 48;
const NONE = -1;
/** Typo candidates remembered per query word (cleared when words are added). */
const MEMO_SIZE = 5000;

export class Vocabulary {
  // Node n: its character, first child, next sibling, and the term id of the word ending there (or NONE).
  // Node 0 is the root.
  private char = new Uint16Array(1024);
  private child = new Int32Array(1024).fill(NONE);
  private sibling = new Int32Array(1024).fill(NONE);
  private word = new Int32Array(1024).fill(NONE);
  private nodes = 1;
  private memo = new Map<string, Array<[number, number]>>();
  private rows: Int32Array[] = Array.from({ length: MAX_TERM + 2 }, () => new Int32Array(MAX_TERM + 3));

  /** Adds words with their term ids (idempotent). */
  add(words: Iterable<readonly [string, number]>): void {
    for (const [w, id] of words) this.insert(w, id);
  }

  clear(): void {
    this.child.fill(NONE);
    this.sibling.fill(NONE);
    this.word.fill(NONE);
    this.nodes = 1;
    this.memo.clear();
  }

  private grow(): void {
    const size = this.char.length * 2;
    const more = <T extends Uint16Array | Int32Array>(a: T, fill: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.char = more(this.char, 0);
    this.child = more(this.child, NONE);
    this.sibling = more(this.sibling, NONE);
    this.word = more(this.word, NONE);
  }

  /** The child of node n for character c, or NONE. */
  private find(n: number, c: number): number {
    for (let k = this.child[n]; k !== NONE; k = this.sibling[k]) if (this.char[k] === c) return k;
    return NONE;
  }

  private insert(w: string, id: number): void {
    let n = 0;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      let k = this.find(n, c);
      if (k === NONE) {
        if (this.nodes === this.char.length) this.grow();
        k = this.nodes++;
        this.char[k] = c;
        this.sibling[k] = this.child[n];
        this.child[n] = k;
      }
      n = k;
    }
    if (this.word[n] !== NONE) return;
    this.word[n] = id;
    if (this.memo.size) this.memo.clear();
  }

  /** The node reached by a prefix, or NONE. */
  private walk(prefix: string): number {
    let n = 0;
    for (let i = 0; i < prefix.length && n !== NONE; i++) n = this.find(n, prefix.charCodeAt(i));
    return n;
  }

  /** Term ids of every word starting with the prefix (the prefix itself included when it is a word). */
  withPrefix(prefix: string): number[] {
    const out: number[] = [];
    const start = prefix ? this.walk(prefix) : NONE;
    if (start === NONE) return out;
    const stack = [start];
    while (stack.length) {
      const n = stack.pop()!;
      if (this.word[n] !== NONE) out.push(this.word[n]);
      for (let k = this.child[n]; k !== NONE; k = this.sibling[k]) stack.push(k);
    }
    return out;
  }

  /** Term ids of indexed words within the word's typo budget (Meilisearch counting), the word itself excluded. */
  typoCandidates(word: string): Array<[number, number]> {
    const cached = this.memo.get(word);
    if (cached) return cached;
    const budget = maxTypos(word);
    const out: Array<[number, number]> = [];
    if (budget > 0 && word.length <= MAX_TERM) {
      const first = this.find(0, word.charCodeAt(0));
      if (first !== NONE) this.scan(first, word, budget, out);
      if (budget >= 2) {
        // A typo on the first letter costs two: substitution, deletion or insertion there, nothing else.
        const rest = word.slice(1);
        const seen = new Set(out.map(([id]) => id));
        const push = (t: string) => {
          const n = t === word ? NONE : this.walk(t);
          const id = n === NONE ? NONE : this.word[n];
          if (id !== NONE && !seen.has(id)) {
            seen.add(id);
            out.push([id, 2]);
          }
        };
        push(rest);
        for (const c of ALPHABET) {
          push(c + rest);
          push(c + word);
        }
      }
    }
    if (this.memo.size > MEMO_SIZE) this.memo.clear();
    this.memo.set(word, out);
    return out;
  }

  /** Depth-first walk below the first-letter node, one Damerau row per node (rows[depth] for the path so far). */
  private scan(first: number, q: string, k: number, out: Array<[number, number]>): void {
    const lq = q.length;
    const rows = this.rows;
    const path = new Int32Array(MAX_TERM + 2);
    for (let j = 0; j <= lq; j++) rows[0][j] = j;
    const nodeStack: number[] = [first];
    const depthStack: number[] = [1];
    while (nodeStack.length) {
      const n = nodeStack.pop()!;
      const r = depthStack.pop()!;
      if (r > MAX_TERM) continue;
      const c = this.char[n];
      path[r] = c;
      const row = rows[r];
      const up = rows[r - 1];
      const up2 = r > 1 ? rows[r - 2] : null;
      row[0] = r;
      let min = r;
      for (let j = 1; j <= lq; j++) {
        const qc = q.charCodeAt(j - 1);
        let v = up[j - 1] + (qc === c ? 0 : 1);
        if (up[j] + 1 < v) v = up[j] + 1;
        if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
        if (up2 && j > 1 && qc === path[r - 1] && q.charCodeAt(j - 2) === c && up2[j - 2] + 1 < v) v = up2[j - 2] + 1;
        row[j] = v;
        if (v < min) min = v;
      }
      // No word below can come back within budget.
      if (min > k) continue;
      const w = this.word[n];
      if (w !== NONE && row[lq] <= k && row[lq] > 0) out.push([w, row[lq]]);
      for (let ch = this.child[n]; ch !== NONE; ch = this.sibling[ch]) {
        nodeStack.push(ch);
        depthStack.push(r + 1);
      }
    }
  }
}
