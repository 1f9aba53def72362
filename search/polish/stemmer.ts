// A light Polish stemmer: strips the longest matching inflectional suffix from a folded word, keeping a stem of at
// least three letters. It is deliberately crude (no alternations such as miasto/mieście) but maps the common case
// and number endings of nouns and adjectives onto one stem, applied to documents and queries alike.

const SUFFIXES = [
  "iego", "iemu", "iach", "iami", "owie", "owym", "owej", "ach", "ami", "ego", "emu", "ich", "ych", "ymi", "imi", "iej", "iem", "owi", "iom",
  "om", "ow", "ie", "ia", "iu", "ii", "ej", "em", "ym", "im", "mi",
  "a", "e", "i", "o", "u", "y",
]
  .sort((a, b) => b.length - a.length);

const MIN_STEM = 3;

/** Stems one folded token (see fold()); short words and numbers are returned unchanged. */
export function stem(token: string): string {
  if (token.length <= MIN_STEM + 1 || /^\d/.test(token)) return token;
  for (const suffix of SUFFIXES) {
    if (token.length - suffix.length >= MIN_STEM && token.endsWith(suffix)) {
      return token.slice(0, token.length - suffix.length);
    }
  }
  return token;
}

/** Stems a list of folded tokens. */
export function stemAll(tokens: string[]): string[] {
  return tokens.map(stem);
}
