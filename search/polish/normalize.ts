// Text normalisation shared by both adapters: lower case, Polish letters folded by hand (ł has no Unicode
// decomposition, so NFD alone would keep it), other diacritics stripped through NFD, then split into word tokens.

const POLISH: Record<string, string> = {
  ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z",
};
const POLISH_RE = /[ąćęłńóśźż]/g;
const COMBINING_RE = /[\u0300-\u036f]/g;
const NON_ASCII_RE = /[\u0080-\uffff]/;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Lower-cases and folds diacritics (ł → l by hand, the rest via NFD). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII_RE.test(lower)) return lower;
  const polish = lower.replace(POLISH_RE, (c) => POLISH[c]);
  if (!NON_ASCII_RE.test(polish)) return polish;
  return polish.normalize("NFD").replace(COMBINING_RE, "").normalize("NFC");
}

/** Splits text into folded word tokens. */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  const out: string[] = [];
  for (const m of folded.matchAll(WORD_RE)) out.push(m[0]);
  return out;
}

export type SourceToken = { start: number; end: number; norm: string };

/** Tokens of the original text with their offsets, for highlighting and cropping. */
export function tokenizeWithOffsets(text: string): SourceToken[] {
  const out: SourceToken[] = [];
  const folded = fold(text);
  if (folded.length === text.length) {
    // Folding kept every offset (the usual case for Polish): one pass over the folded text.
    for (const m of folded.matchAll(WORD_RE)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, norm: m[0] });
    }
    return out;
  }
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, norm: fold(m[0]) });
  }
  return out;
}
