import type { EventForm } from "../../server/events/event-schemas.js";
import { utcIsoToLocal } from "../../server/events/time-zone.js";

let seq = 0;

/** A valid moderator form for an upcoming online event; override any field. */
export function buildEventForm(overrides: Partial<Record<keyof EventForm, string | string[]>> = {}): Record<string, string | string[]> {
  const n = ++seq;
  const start = new Date(Date.now() + (7 + n) * 86400_000).toISOString();
  const end = new Date(Date.parse(start) + 2 * 3600_000).toISOString();
  return {
    title: `Webinarium testowe ${n} o budżecie obywatelskim`,
    slug: `webinarium-testowe-${n}-${process.pid}`,
    description: "Spotkanie online dla przedstawicieli miast o doświadczeniach z budżetem obywatelskim.",
    kind: "webinar",
    format: "online",
    seriesId: "",
    startsAt: utcIsoToLocal(start),
    endsAt: utcIsoToLocal(end),
    place: "",
    joinUrl: "https://spotkania.zmp.poznan.pl/frl/test",
    capacity: "",
    "areas[]": ["finanse", "demografia"],
    ...overrides,
  };
}
