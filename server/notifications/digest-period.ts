/**
 * Digest periods. A digest day starts at 07:00 Warsaw time (a morning mail, not one at midnight): the period of an
 * instant is the Warsaw date seven hours earlier ("2026-12-05"), or that date's ISO week for weekly ("2026-W49").
 */
const DAY_STARTS_HOURS = 7;

const warsawDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" });

export type DigestFrequencyOn = "daily" | "weekly";

/** Length of a period, for "since the last digest" when there was none, and the events window. */
export const PERIOD_MS: Record<DigestFrequencyOn, number> = { daily: 86400_000, weekly: 7 * 86400_000 };

/** ISO 8601 week ("2026-W49") of a calendar date. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  // The Thursday of the same week decides the week's year; week 1 holds the year's first Thursday.
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const year = d.getUTCFullYear();
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The digest period an instant falls in. */
export function digestPeriod(frequency: DigestFrequencyOn, now: Date): string {
  const date = warsawDate.format(new Date(now.getTime() - DAY_STARTS_HOURS * 3600_000));
  return frequency === "daily" ? date : isoWeek(date);
}
