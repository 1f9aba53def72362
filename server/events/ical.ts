import type { EventWithAreas } from "../../db/repositories/events.js";
import { events as t } from "../../domain/i18n/pl/events.js";

// RFC 5545: text values escape backslash, semicolon, comma and newlines; lines fold at 75 octets with CRLF + space.
export function escapeText(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

export function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const len = Buffer.byteLength(ch, "utf8");
    if (size + len > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += len;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function utcStamp(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Decides per event whether its join link goes into the file; without it every calendar carries the page URL only. */
export type JoinLinkFor = (e: EventWithAreas) => string | null;

const noJoinLinks: JoinLinkFor = () => null;

function vevent(e: EventWithAreas, baseUrl: string, host: string, joinLinkFor: JoinLinkFor): string[] {
  const url = `${baseUrl}/wydarzenia/${e.slug}`;
  const joinUrl = joinLinkFor(e);
  const description = [e.description, "", `${t.ical.page}: ${url}`, ...(joinUrl ? [`${t.ical.join}: ${joinUrl}`] : [])].join("\n");
  const location = e.place ?? joinUrl ?? "Online";
  return [
    "BEGIN:VEVENT",
    `UID:event-${e.id}@${host}`,
    `DTSTAMP:${utcStamp(e.updatedAt)}`,
    `LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
    `DTSTART:${utcStamp(e.startsAt)}`,
    `DTEND:${utcStamp(e.endsAt)}`,
    `SUMMARY:${escapeText(e.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `LOCATION:${escapeText(location)}`,
    `URL:${url}`,
    ...(e.areas.length ? [`CATEGORIES:${e.areas.map((a) => escapeText(a.name)).join(",")}`] : []),
    `STATUS:${e.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
  ];
}

/**
 * An RFC 5545 calendar with one VEVENT per event; times in UTC so every client agrees. Join links only where
 * `joinLinkFor` hands one out (personal feeds and files of confirmed participants).
 */
export function toICalendar(events: EventWithAreas[], baseUrl: string, name: string = t.ical.feedName, joinLinkFor: JoinLinkFor = noJoinLinks): string {
  const host = new URL(baseUrl).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Zwiazek Miast Polskich//Forum Rozwoju Lokalnego//PL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    "X-WR-TIMEZONE:Europe/Warsaw",
    "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
    ...events.flatMap((e) => vevent(e, baseUrl, host, joinLinkFor)),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
