// Events and settings for the agenda tests, written through the real repositories.
import { insertEvent } from "../../db/repositories/events.js";
import type { DbHandle } from "../../db/index.js";

let n = 0;

/** Creates an event starting in `days` days (negative: in the past); returns its id. */
export async function createAgendaEvent(db: DbHandle, days = 30): Promise<number> {
  n += 1;
  const start = new Date(Date.now() + days * 86_400_000);
  const end = new Date(start.getTime() + 6 * 3_600_000);
  return insertEvent(
    db.db,
    {
      slug: `agenda-test-${process.pid}-${n}-${Math.random().toString(36).slice(2, 6)}`,
      title: `Seminarium testowe ${n}`,
      description: "Seminarium do testów programu.",
      kind: "seminar",
      seriesId: null,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      timeZone: "Europe/Warsaw",
      format: "onsite",
      place: "Poznań",
      joinUrl: null,
      capacity: null,
    },
    [],
    null,
  );
}
