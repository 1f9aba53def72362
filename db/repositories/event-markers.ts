import type { Db } from "../index.js";

/** What the event lists need to mark a live room or a programme being co-designed, for many events at once. */
export type EventMarkerRows = {
  rooms: { eventId: number; override: "open" | "closed" | null; opensBeforeMinutes: number }[];
  settings: { eventId: number; open: number }[];
  /** Agenda document names (`agenda:<id>`) that hold any edits. */
  agendaDocs: string[];
};

/** Live room rows, co-design settings and edited agenda documents of the given events. */
export async function findEventMarkerRows(db: Db, eventIds: number[]): Promise<EventMarkerRows> {
  if (!eventIds.length) return { rooms: [], settings: [], agendaDocs: [] };
  const docNames = eventIds.map((id) => `agenda:${id}`);
  const [rooms, settings, updates, snapshots] = await Promise.all([
    db.selectFrom("liveRooms").select(["eventId", "override", "opensBeforeMinutes"]).where("eventId", "in", eventIds).execute(),
    db.selectFrom("agendaSettings").select(["eventId", "open"]).where("eventId", "in", eventIds).execute(),
    db.selectFrom("agendaUpdates").select("docName").distinct().where("docName", "in", docNames).execute(),
    db.selectFrom("agendaSnapshots").select("docName").distinct().where("docName", "in", docNames).execute(),
  ]);
  return { rooms, settings, agendaDocs: [...new Set([...updates, ...snapshots].map((r) => r.docName))] };
}
