// Polish function words dropped from queries (not from documents) when the query has other words; the Meilisearch
// adapter registers the same list as stopWords so both adapters ignore them.
export const POLISH_STOPWORDS: readonly string[] = [
  "a", "aby", "albo", "ale", "az", "bo", "by", "co", "czy", "dla", "do", "i", "ich", "jak", "jako", "jest", "juz",
  "ku", "lub", "na", "nad", "o", "od", "oraz", "po", "pod", "przez", "przy", "sa", "sie", "ta", "te", "to", "tu",
  "w", "we", "z", "za", "ze", "zas",
];

const SET = new Set(POLISH_STOPWORDS);

/** True for a folded token that is a Polish stop word. */
export function isStopword(token: string): boolean {
  return SET.has(token);
}
