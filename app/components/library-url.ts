// The library page's whole state lives in the URL; these helpers build links that change one part of it.
export type LibraryState = { q: string; kind: string[]; area: string[]; city: string[]; year: number[]; sort: string; page: number };
export type FacetName = "kind" | "area" | "city" | "year";

/** The query string for a state (default values left out so URLs stay short). */
export function libraryQuery(s: LibraryState): string {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const k of ["kind", "area", "city", "year"] as const) for (const v of s[k]) p.append(k, String(v));
  if (s.sort && s.sort !== "relevance") p.set("sort", s.sort);
  if (s.page > 1) p.set("page", String(s.page));
  const qs = p.toString();
  return qs ? `?${qs}` : "";
}

/** A link that adds or removes one facet value (back to page 1). */
export function toggleFacet(s: LibraryState, facet: FacetName, value: string): string {
  const current = s[facet].map(String);
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return `/biblioteka${libraryQuery({ ...s, [facet]: facet === "year" ? next.map(Number) : next, page: 1 })}`;
}

/** A link to another page of the same search. */
export function pageLink(s: LibraryState, page: number): string {
  return `/biblioteka${libraryQuery({ ...s, page })}`;
}

/** Keeps only <mark> tags of a highlighted snippet; anything else that looks like a tag is shown as text. */
export function safeHighlight(html: string): string {
  return html.replace(/<(?!\/?mark>)/g, "&lt;");
}
