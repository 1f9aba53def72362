import type { LibraryItem } from "../../../db/repositories/library-queries.js";
import type { SearchDocument } from "../../../search/types.js";

/** The index id of a library item. */
export function libraryDocId(id: number): string {
  return `library:${id}`;
}

/** Maps a library item to the flat document the engine indexes (good-practice sections join the body). */
export function libraryDocument(item: LibraryItem): SearchDocument {
  const sections = [item.bodyText, item.problem, item.solution, item.results, item.costAndFunding].filter(Boolean).join("\n");
  return {
    id: libraryDocId(item.id),
    group: "library",
    kind: item.kind,
    externalId: item.externalId,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    body: sections,
    areas: item.areas.map((a) => a.slug),
    tags: item.tags,
    authors: item.authors,
    city: item.city?.slug ?? null,
    cityName: item.city?.name ?? null,
    year: item.year ?? (item.publishedOn ? Number(item.publishedOn.slice(0, 4)) : null),
    eventId: item.eventId,
    date: item.publishedOn ?? (item.year ? `${item.year}-01-01` : item.createdAt.slice(0, 10)),
    url: `/biblioteka/${item.slug}`,
    // Members-only network materials: only members of these networks (and staff) find them.
    ...(item.membersOnlyIn.length ? { membersOf: item.membersOnlyIn.map(String) } : {}),
  };
}
