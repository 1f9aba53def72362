import type { EventWithAreas } from "../../../db/repositories/events.js";
import type { SearchDocument } from "../../../search/types.js";

/** The index id of an event. */
export function eventDocId(id: number): string {
  return `event:${id}`;
}

/**
 * Maps an event to a search document so federated search finds seminars and webinars too; the text of its latest
 * published programme (agenda) is searchable with it.
 */
export function eventDocument(e: EventWithAreas, agendaText: string | null = null): SearchDocument {
  return {
    id: eventDocId(e.id),
    group: "event",
    kind: e.kind,
    externalId: null,
    slug: e.slug,
    title: e.title,
    summary: e.description.length > 300 ? `${e.description.slice(0, 297)}…` : e.description,
    body: [e.description, e.place, e.seriesTitle, agendaText].filter(Boolean).join("\n"),
    areas: e.areas.map((a) => a.slug),
    tags: [],
    authors: [],
    city: null,
    cityName: null,
    year: Number(e.startsAt.slice(0, 4)),
    eventId: e.id,
    date: e.startsAt,
    url: `/wydarzenia/${e.slug}`,
  };
}
