const folds: Record<string, string> = { ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z" };

/** A URL slug from Polish text: lower case, Polish letters folded (ł by hand: it has no decomposition). */
export function slugify(text: string, max = 80): string {
  return text
    .toLowerCase()
    .replace(/[ąćęłńóśźż]/g, (c) => folds[c])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}
