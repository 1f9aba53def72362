// Text normalisation shared by both adapters: lower case, Polish letters folded by hand (ł has no Unicode
// decomposition, so NFD alone would keep it), other diacritics stripped through NFD, then split into word tokens.

const POLISH: Record<string, string> = {
  ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z",
};
const COMBINING_RE = /[\u0300-\u036f]/g;
const WORD_RE = /[\p{L}\p{N}]+/gu;
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** Lower-cases and folds diacritics (ł → l by hand, the rest via NFD). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // One pass by char code: Polish letters replaced as found; anything else non-ASCII sends the result through NFD.
  let out = "";
  let last = 0;
  let other = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 128) continue;
    const ascii = POLISH[lower[i]];
    if (ascii === undefined) other = true;
    else {
      out += lower.slice(last, i) + ascii;
      last = i + 1;
    }
  }
  const polish = last === 0 ? lower : out + lower.slice(last);
  if (!other) return polish;
  return polish.normalize("NFD").replace(COMBINING_RE, "").normalize("NFC");
}

/** Splits text into folded word tokens. */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  const out: string[] = [];
  for (const m of folded.matchAll(WORD_RE)) out.push(m[0]);
  return out;
}

/**
 * Calls visit(start, end, norm) for every word of the original text: its offsets in the text and its folded form,
 * for highlighting and cropping. A visitor rather than an array of token objects: formatting the hits of every
 * query built hundreds of them, most of a query's garbage.
 */
export function forEachToken(text: string, visit: (start: number, end: number, norm: string) => void): void {
  const folded = fold(text);
  if (folded.length === text.length) {
    // Folding kept every offset (the usual case for Polish): one pass over the folded text, ASCII by char code.
    let start = -1;
    for (let i = 0; i <= folded.length; i++) {
      const c = i < folded.length ? folded.charCodeAt(i) : 32;
      const pair = c >= 0xd800 && c <= 0xdbff; // an astral character: test both code units together
      const word = c < 128 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) : WORD_CHAR_RE.test(pair ? folded.slice(i, i + 2) : folded[i]);
      if (word) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        visit(start, i, folded.slice(start, i));
        start = -1;
      }
      if (pair && word) i++;
    }
    return;
  }
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    visit(start, start + m[0].length, fold(m[0]));
  }
}
