import type { Db } from "../../db/index.js";
import { findEventMarkerRows } from "../../db/repositories/event-markers.js";
import type { EventRow } from "../../db/schema.js";
import { agendaDocName } from "../agenda/doc-name.js";
import { roomStatus } from "../live/live-rules.js";

/** What a list and an event page flag: the live room takes people now; the programme is being co-designed. */
export type EventMarkers = { live: boolean; coDesign: boolean; roomUsed: boolean };

type MarkedEvent = Pick<EventRow, "id" | "format" | "status" | "startsAt" | "endsAt">;

// A room that was never entered has no row yet; it opens with these defaults (ensureLiveRoom).
const DEFAULT_ROOM = { override: null, opensBeforeMinutes: 30 } as const;

/**
 * Markers for each event, by id. Only online and hybrid events have a live room. Co-design is marked only while it
 * is open and before the end, and only once someone set it up or wrote in the workspace, so not every upcoming
 * event carries the same badge.
 */
export async function eventMarkers(db: Db, events: MarkedEvent[], now = Date.now()): Promise<Record<number, EventMarkers>> {
  const rows = await findEventMarkerRows(
    db,
    events.map((e) => e.id),
  );
  const rooms = new Map(rows.rooms.map((r) => [r.eventId, r]));
  const settings = new Map(rows.settings.map((s) => [s.eventId, s]));
  const docs = new Set(rows.agendaDocs);
  const out: Record<number, EventMarkers> = {};
  for (const e of events) {
    const running = e.status !== "cancelled" && Date.parse(e.endsAt) > now;
    const live = e.format !== "onsite" && e.status !== "cancelled" && roomStatus(e, rooms.get(e.id) ?? DEFAULT_ROOM, now) === "open";
    const s = settings.get(e.id);
    const coDesign = running && (s ? s.open === 1 : docs.has(agendaDocName(e.id)));
    out[e.id] = { live, coDesign, roomUsed: rooms.has(e.id) };
  }
  return out;
}
