import type { EventCardRow, EventWithAreas } from "../../db/repositories/events.js";

/**
 * The fields of an event that any visitor may see, named one by one so a new column (or the join link) never reaches
 * a page's loader data by accident.
 */
export function publicEventView(e: EventWithAreas) {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    description: e.description,
    kind: e.kind,
    format: e.format,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: e.place,
    capacity: e.capacity,
    status: e.status,
    confirmedCount: e.confirmedCount,
    seriesTitle: e.seriesTitle,
    seriesSlug: e.seriesSlug,
    areas: e.areas.map((a) => ({ slug: a.slug, name: a.name })),
  };
}

export type PublicEventView = ReturnType<typeof publicEventView>;

/**
 * What an event card in a list shows (app/components/event-card.tsx), and nothing more: lists of many events (home,
 * /wydarzenia) would otherwise carry every description, capacity and count into the page's data unseen.
 */
export function eventCardView(e: EventCardRow, markers?: { live: boolean; coDesign: boolean; roomUsed?: boolean }) {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    kind: e.kind,
    format: e.format,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: e.place,
    status: e.status,
    seriesTitle: e.seriesTitle,
    areas: e.areas.map((a) => ({ slug: a.slug, name: a.name })),
    markers,
  };
}
