import type { EventWithAreas } from "../../db/repositories/events.js";
import { notifications as t } from "../../domain/i18n/pl/notifications.js";
import { escapeText, fold, utcStamp } from "../events/ical.js";

/**
 * A calendar invitation (iTIP, RFC 5546) for one participant: METHOD:REQUEST with the person as attendee and an alarm
 * before the start, or METHOD:CANCEL. The UID is the event's, and SEQUENCE grows with every edit, so a moved event
 * updates the entry already in the calendar instead of adding a second one.
 */
export function invitation(opts: { event: EventWithAreas; baseUrl: string; attendee: { name: string; email: string }; organizer: string; joinUrl: string | null; method: "REQUEST" | "CANCEL"; alarmMinutes: number }): string {
  const e = opts.event;
  const host = new URL(opts.baseUrl).host;
  const url = `${opts.baseUrl}/wydarzenia/${e.slug}`;
  const description = [e.description, "", `${t.mail.page}: ${url}`, ...(opts.joinUrl ? [`${t.mail.join}: ${opts.joinUrl}`] : [])].join("\n");
  const organizer = /<([^>]+)>/.exec(opts.organizer)?.[1] ?? opts.organizer;
  const cancelled = opts.method === "CANCEL" || e.status === "cancelled";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Zwiazek Miast Polskich//Forum Rozwoju Lokalnego//PL",
    "CALSCALE:GREGORIAN",
    `METHOD:${opts.method}`,
    "BEGIN:VEVENT",
    `UID:event-${e.id}@${host}`,
    `SEQUENCE:${Math.floor(Date.parse(e.updatedAt) / 1000)}`,
    `DTSTAMP:${utcStamp(new Date().toISOString())}`,
    `DTSTART:${utcStamp(e.startsAt)}`,
    `DTEND:${utcStamp(e.endsAt)}`,
    `SUMMARY:${escapeText(e.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `LOCATION:${escapeText(e.place ?? opts.joinUrl ?? "Online")}`,
    `URL:${url}`,
    `ORGANIZER;CN=Forum Rozwoju Lokalnego:mailto:${organizer}`,
    `ATTENDEE;CN=${escapeText(opts.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${opts.attendee.email}`,
    `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
    ...(cancelled
      ? []
      : ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(t.mail.alarm(e.title))}`, `TRIGGER:-PT${opts.alarmMinutes}M`, "END:VALARM"]),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}
