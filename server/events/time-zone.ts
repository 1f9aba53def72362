export const WARSAW = "Europe/Warsaw";

// Offset (ms) of a zone at an instant, read from Intl so DST rules come from the platform's tz database.
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Converts a wall-clock time 'YYYY-MM-DDTHH:mm' in a zone (default Warsaw) to an ISO UTC string. */
export function localToUtcIso(local: string, timeZone = WARSAW): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`Invalid local time: ${local}`);
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Two passes settle the offset across DST transitions.
  let guess = naive - zoneOffsetMs(new Date(naive), timeZone);
  guess = naive - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess).toISOString();
}

/** Formats an ISO UTC instant as 'YYYY-MM-DDTHH:mm' wall-clock time in a zone (for datetime-local inputs). */
export function utcIsoToLocal(iso: string, timeZone = WARSAW): string {
  const d = new Date(iso);
  const local = new Date(d.getTime() + zoneOffsetMs(d, timeZone));
  return local.toISOString().slice(0, 16);
}
