import { sql } from "kysely";
import type { Db } from "../index.js";
import { preparedListQuery } from "../prepared-query.js";

/** What the event lists need to mark a live room or a programme being co-designed, for many events at once. */
export type EventMarkerRows = {
  rooms: { eventId: number; override: "open" | "closed" | null; opensBeforeMinutes: number }[];
  settings: { eventId: number; open: number }[];
  /** Agenda document names (`agenda:<id>`) that hold any edits. */
  agendaDocs: string[];
};

// Agenda documents are named `agenda:<event id>` (server/agenda/doc-name.ts); `||` joins text and a number on SQLite
// and PostgreSQL alike, and each lookup is a seek on the doc_name index. Prepared per number of events (every event
// list view asks).
const docName = sql<string>`'agenda:' || ${sql.ref("events.id")}`;
const markerRows = preparedListQuery((db: Db, eventIds: number[]) =>
  db
    .selectFrom("events")
    .leftJoin("liveRooms", "liveRooms.eventId", "events.id")
    .leftJoin("agendaSettings", "agendaSettings.eventId", "events.id")
    .select(["events.id", "liveRooms.eventId as roomEventId", "liveRooms.override", "liveRooms.opensBeforeMinutes", "agendaSettings.eventId as settingsEventId", "agendaSettings.open"])
    .select((eb) => [
      eb.exists(eb.selectFrom("agendaUpdates").select("agendaUpdates.docName").where("agendaUpdates.docName", "=", docName)).as("hasUpdates"),
      eb.exists(eb.selectFrom("agendaSnapshots").select("agendaSnapshots.docName").where("agendaSnapshots.docName", "=", docName)).as("hasSnapshot"),
    ])
    .where("events.id", "in", eventIds),
);

/**
 * Live room rows, co-design settings and edited agenda documents of the given events, in one query: an event list
 * page asks for them on every view, and four separate queries (each built by kysely) were a tenth of the home page's
 * server time.
 */
export async function findEventMarkerRows(db: Db, eventIds: number[]): Promise<EventMarkerRows> {
  if (!eventIds.length) return { rooms: [], settings: [], agendaDocs: [] };
  const rows = await markerRows(db, eventIds);
  const out: EventMarkerRows = { rooms: [], settings: [], agendaDocs: [] };
  for (const r of rows) {
    if (r.roomEventId !== null) out.rooms.push({ eventId: r.id, override: r.override, opensBeforeMinutes: r.opensBeforeMinutes as number });
    if (r.settingsEventId !== null) out.settings.push({ eventId: r.id, open: r.open as number });
    // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
    if (Number(r.hasUpdates) || Number(r.hasSnapshot)) out.agendaDocs.push(`agenda:${r.id}`);
  }
  return out;
}
