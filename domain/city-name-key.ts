const folds: Record<string, string> = { ł: "l", Ł: "l" };

/**
 * The form town names are compared in: lower case, without diacritics (ł folded by hand, it has no decomposition),
 * hyphens and runs of spaces as one space. "Zdunska  wola", "ZDUŃSKA WOLA" and "Zduńska Wola" share one key.
 */
export function cityNameKey(name: string): string {
  return name
    .replace(/[łŁ]/g, (c) => folds[c])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\-‐–—_.]+/g, " ")
    .trim();
}
