// The set of indexed terms used to expand query words into typo candidates. Terms are kept sorted per first letter
// (a first-letter typo costs two, see typo.ts) and searched like a trie: Damerau rows are shared between terms with
// a common prefix and whole prefix ranges are skipped once a row exceeds the budget. The same sorted buckets answer
// prefix expansion of a word being typed. Filled as documents are indexed (removed terms linger harmlessly: they
// match nothing).
import { maxTypos } from "../polish/typo";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const MAX_TERM = 48;

type Bucket = { terms: string[]; sorted: boolean };

export class Vocabulary {
  private terms = new Set<string>();
  private buckets = new Map<string, Bucket>();
  private memo = new Map<string, Array<[string, number]>>();
  private rows: Int32Array[] = Array.from({ length: MAX_TERM + 1 }, () => new Int32Array(MAX_TERM + 3));

  /** Adds terms (idempotent). */
  add(terms: Iterable<string>): void {
    for (const t of terms) {
      if (this.terms.has(t)) continue;
      this.terms.add(t);
      const b = this.buckets.get(t[0]);
      if (b) {
        b.terms.push(t);
        b.sorted = false;
      } else this.buckets.set(t[0], { terms: [t], sorted: true });
      if (this.memo.size) this.memo.clear();
    }
  }

  clear(): void {
    this.terms.clear();
    this.buckets.clear();
    this.memo.clear();
  }

  get size(): number {
    return this.terms.size;
  }

  private bucket(first: string): string[] {
    const b = this.buckets.get(first);
    if (!b) return [];
    if (!b.sorted) {
      b.terms.sort();
      b.sorted = true;
    }
    return b.terms;
  }

  /** Every term starting with the prefix (the prefix itself included when it is a term). */
  withPrefix(prefix: string): string[] {
    if (!prefix) return [];
    const terms = this.bucket(prefix[0]);
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < terms.length && terms[end].startsWith(prefix)) end++;
    return terms.slice(lo, end);
  }

  /** Indexed terms within the word's typo budget (Meilisearch counting), excluding the word itself. */
  typoCandidates(word: string): Array<[string, number]> {
    const cached = this.memo.get(word);
    if (cached) return cached;
    const budget = maxTypos(word);
    const out: Array<[string, number]> = [];
    if (budget > 0 && word.length <= MAX_TERM) {
      this.scan(this.bucket(word[0]), word, budget, out);
      if (budget >= 2) {
        // A typo on the first letter costs two: substitution, deletion or insertion there, nothing else.
        const rest = word.slice(1);
        const seen = new Set(out.map(([t]) => t));
        const push = (t: string) => {
          if (t !== word && !seen.has(t) && this.terms.has(t)) {
            seen.add(t);
            out.push([t, 2]);
          }
        };
        push(rest);
        for (const c of ALPHABET) {
          push(c + rest);
          push(c + word);
        }
      }
    }
    if (this.memo.size > 5000) this.memo.clear();
    this.memo.set(word, out);
    return out;
  }

  /** Trie-like walk over sorted terms computing optimal-string-alignment rows incrementally. */
  private scan(terms: string[], q: string, k: number, out: Array<[string, number]>): void {
    const lq = q.length;
    const rows = this.rows;
    for (let j = 0; j <= lq; j++) rows[0][j] = j;
    let prev = "";
    let valid = 0; // rows[0..valid] are correct for the prefix of `prev`
    let i = 0;
    while (i < terms.length) {
      const t = terms[i];
      if (t.length > MAX_TERM) {
        i++;
        continue;
      }
      let d = 0;
      const lim = Math.min(valid, t.length, prev.length);
      while (d < lim && t.charCodeAt(d) === prev.charCodeAt(d)) d++;
      let pruned = -1;
      for (let r = d + 1; r <= t.length; r++) {
        const row = rows[r];
        const up = rows[r - 1];
        const up2 = r > 1 ? rows[r - 2] : null;
        const c = t.charCodeAt(r - 1);
        row[0] = r;
        let min = r;
        for (let j = 1; j <= lq; j++) {
          const qc = q.charCodeAt(j - 1);
          let v = up[j - 1] + (qc === c ? 0 : 1);
          if (up[j] + 1 < v) v = up[j] + 1;
          if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
          if (up2 && j > 1 && qc === t.charCodeAt(r - 2) && q.charCodeAt(j - 2) === c && up2[j - 2] + 1 < v) v = up2[j - 2] + 1;
          row[j] = v;
          if (v < min) min = v;
        }
        if (min > k) {
          pruned = r;
          break;
        }
      }
      prev = t;
      if (pruned > 0) {
        // No extension of t[0..pruned) can come back within budget: skip every term sharing that prefix.
        valid = pruned - 1;
        const prefix = t.slice(0, pruned);
        let lo = i + 1;
        let hi = terms.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (terms[mid].startsWith(prefix) || terms[mid] < prefix) lo = mid + 1;
          else hi = mid;
        }
        i = lo;
        continue;
      }
      valid = t.length;
      const dist = rows[t.length][lq];
      if (dist <= k && t !== q) out.push([t, dist]);
      i++;
    }
  }
}
