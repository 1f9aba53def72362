import type { Db } from "../../db/index.js";
import { countEvents, listRecentEventTitles, listSeries, type EventFilter } from "../../db/repositories/events.js";
import { listEventRegistrations, listUserRegistrations } from "../../db/repositories/registrations.js";

/** Read-only event lists that pages show; part of the event service so routes reach them through the load context. */
export function createEventQueries(db: Db) {
  return {
    /** How many events match a list filter (for pagination). */
    count: (f: EventFilter) => countEvents(db, f),
    /** Event series the event form offers: id and title. */
    async series(): Promise<{ id: number; title: string }[]> {
      return (await listSeries(db)).map((s) => ({ id: s.id, title: s.title }));
    },
    /** Slug and title of the latest events (the library editor links an item to one of them). */
    recentTitles: (limit: number) => listRecentEventTitles(db, limit),
    /** A person's registrations with event details, soonest first (cancelled ones left out). */
    registrationsOf: (userId: number) => listUserRegistrations(db, userId),
    /** Participants of one event for its managers, in registration order. */
    participants: (eventId: number) => listEventRegistrations(db, eventId),
  };
}
