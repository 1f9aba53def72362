// The set of indexed terms, bucketed by first letter, used to expand query words into typo candidates. Loaded from
// the FTS5 vocabulary once, then extended in memory on upsert (removed terms linger harmlessly: they match nothing).
import { maxTypos, damerau } from "../polish/typo";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export class Vocabulary {
  private terms = new Set<string>();
  private buckets = new Map<string, string[]>();
  private memo = new Map<string, Array<[string, number]>>();

  /** Adds terms (idempotent). */
  add(terms: Iterable<string>): void {
    for (const t of terms) {
      if (this.terms.has(t)) continue;
      this.terms.add(t);
      const b = this.buckets.get(t[0]);
      if (b) b.push(t);
      else this.buckets.set(t[0], [t]);
      this.memo.clear();
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

  /** Indexed terms within the word's typo budget (Meilisearch counting), excluding the word itself. */
  typoCandidates(word: string): Array<[string, number]> {
    const cached = this.memo.get(word);
    if (cached) return cached;
    const budget = maxTypos(word);
    const out: Array<[string, number]> = [];
    if (budget > 0) {
      for (const t of this.buckets.get(word[0]) ?? []) {
        if (t === word || Math.abs(t.length - word.length) > budget) continue;
        const d = damerau(word, t, budget);
        if (d <= budget) out.push([t, d]);
      }
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
}
