import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEventForm } from "../factories/events.js";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startSmtpSink, type Received } from "../setup/smtp-sink.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { utcIsoToLocal } from "../../server/events/time-zone.js";

const PUBLIC_URL = "https://frl.example.pl";
const calendarOf = (r: Received) => r.parsed.attachments.find((a) => a.contentType === "text/calendar")?.content.toString("utf8").replace(/\r\n[ \t]/g, "") ?? "";
const allText = (r: Received) => `${r.parsed.text ?? ""}\n${r.parsed.html || ""}\n${calendarOf(r)}`;
const linksIn = (r: Received) => [
  ...[...`${r.parsed.text ?? ""}\n${calendarOf(r)}`.matchAll(/https?:\/\/[^\s"<>)]+/g)].map((m) => m[0]),
  ...[...String(r.parsed.html || "").matchAll(/href="([^"]+)"/g)].map((m) => m[1]),
];
const rawHeader = (r: Received, name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(r.raw.split("\r\n\r\n")[0].replace(/\r\n[ \t]+/g, " "))?.[1] ?? "";

describe.each(await dialects())("notification mail over SMTP on %s", (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: TestServer;
  let moderator: TestClient;
  let slug: string;
  let eventId: number;
  const joinUrl = `https://spotkania.zmp.poznan.pl/frl/pokoj-${process.pid}`;
  let confirmed: Awaited<ReturnType<typeof buildMemberClient>>;
  let waiting: Awaited<ReturnType<typeof buildMemberClient>>;
  const to = (email: string) => (r: Received[]) => r.filter((m) => m.to === email);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestServer({ dialect, env: { SMTP_URL: smtp.url, PUBLIC_URL, JOBS_POLL_MS: "100", JOBS_RETRY_BASE_MS: "300" } });
    moderator = await signedIn(app.url, "moderator");
    await moderator.get("/wydarzenia/nowe");
    const res = await moderator.post("/wydarzenia/nowe", buildEventForm({ joinUrl, capacity: "1", format: "hybrid", place: "Poznań, ul. Stary Rynek 1", reminders: "1440, 60" }));
    expect(res.status).toBe(302);
    slug = res.headers.get("location")!.split("?")[0].split("/").pop()!;
    eventId = (await app.services.events.bySlug(slug))!.id;
    confirmed = await buildMemberClient(app);
    waiting = await buildMemberClient(app);
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
  });

  it("confirms a registration with the event, a calendar invitation with an alarm, the join link and a cancel link, retried after an SMTP failure", async () => {
    smtp.failNext(1);
    expect((await confirmed.client.post(`/wydarzenia/${slug}`, { intent: "register" })).status).toBe(200);
    await smtp.waitFor((r) => to(confirmed.email)(r).some((m) => m.parsed.subject?.startsWith("Potwierdzenie zapisu")));
    const mail = to(confirmed.email)(smtp.received).find((m) => m.parsed.subject?.startsWith("Potwierdzenie zapisu"))!;
    const ics = calendarOf(mail);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER:-PT60M[\s\S]*END:VALARM/);
    expect(ics).toContain(`UID:event-${eventId}@frl.example.pl`);
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(mail.parsed.text).toContain(joinUrl);
    expect(mail.parsed.html).toContain(joinUrl);
    expect(mail.parsed.html).toContain('lang="pl"');
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/wydarzenia/${slug}#registration-title`);
    for (const link of linksIn(mail)) expect(link.startsWith(PUBLIC_URL) || link === joinUrl, link).toBe(true);
    // Transactional: it cannot be unsubscribed from.
    expect(mail.parsed.headers.has("list-unsubscribe")).toBe(false);
  });

  it("puts the second person on the waiting list by mail, with no join link", async () => {
    expect((await waiting.client.post(`/wydarzenia/${slug}`, { intent: "register" })).status).toBe(200);
    await smtp.waitFor((r) => to(waiting.email)(r).some((m) => m.parsed.subject?.startsWith("Lista rezerwowa")));
    const mail = to(waiting.email)(smtp.received).find((m) => m.parsed.subject?.startsWith("Lista rezerwowa"))!;
    expect(mail.parsed.text).toContain("na miejscu 1");
    expect(allText(mail)).not.toContain(joinUrl);
  });

  it("tells every registered person at once when the event moves; the join link only to the confirmed one", async () => {
    const event = (await app.services.events.bySlug(slug))!;
    const start = new Date(Date.parse(event.startsAt) + 86400_000).toISOString();
    const end = new Date(Date.parse(event.endsAt) + 86400_000).toISOString();
    await moderator.get(`/wydarzenia/${slug}/edycja`);
    const form = buildEventForm({ slug, title: event.title, joinUrl, capacity: "1", format: "hybrid", place: "Poznań, ul. Stary Rynek 1", startsAt: utcIsoToLocal(start), endsAt: utcIsoToLocal(end) });
    expect((await moderator.post(`/wydarzenia/${slug}/edycja`, form)).status).toBe(302);
    await smtp.waitFor((r) => [confirmed.email, waiting.email].every((e) => to(e)(r).some((m) => m.parsed.subject?.startsWith("Zmiana w wydarzeniu"))));
    const toConfirmed = to(confirmed.email)(smtp.received).find((m) => m.parsed.subject?.startsWith("Zmiana w wydarzeniu"))!;
    const toWaiting = to(waiting.email)(smtp.received).find((m) => m.parsed.subject?.startsWith("Zmiana w wydarzeniu"))!;
    expect(allText(toConfirmed)).toContain(joinUrl);
    expect(calendarOf(toConfirmed)).toContain("METHOD:REQUEST");
    expect(allText(toWaiting)).not.toContain(joinUrl);
  });

  it("sends a reminder to confirmed participants only, with the join link and a one-click unsubscribe", async () => {
    const event = (await app.services.events.bySlug(slug))!;
    await app.services.jobs.send("event.reminder", { eventId, startsAt: event.startsAt, minutes: 60 });
    await smtp.waitFor((r) => to(confirmed.email)(r).some((m) => m.parsed.subject?.startsWith("Za 1 godzinę")));
    const mail = to(confirmed.email)(smtp.received).find((m) => m.parsed.subject?.startsWith("Za 1 godzinę"))!;
    expect(mail.parsed.text).toContain(joinUrl);
    const header = rawHeader(mail, "List-Unsubscribe");
    expect(header).toMatch(new RegExp(`^<${PUBLIC_URL}/powiadomienia/wypisz\\?token=\\d+\\.event_reminder\\.[\\w-]+>$`));
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/konto/powiadomienia`);
    await new Promise((r) => setTimeout(r, 500));
    expect(to(waiting.email)(smtp.received).some((m) => m.parsed.subject?.startsWith("Za "))).toBe(false);
  });

  it("cancels: the person's own registration is confirmed by mail with a calendar CANCEL, the waiting list is promoted", async () => {
    expect((await confirmed.client.post(`/wydarzenia/${slug}`, { intent: "unregister" })).status).toBeLessThan(400);
    await smtp.waitFor((r) => to(confirmed.email)(r).some((m) => m.parsed.subject?.startsWith("Rezygnacja przyjęta")));
    await smtp.waitFor((r) => to(waiting.email)(r).some((m) => m.parsed.subject?.startsWith("Zwolniło się miejsce")));
    expect(calendarOf(to(confirmed.email)(smtp.received).find((m) => m.parsed.subject?.startsWith("Rezygnacja"))!)).toContain("METHOD:CANCEL");
    expect(allText(to(waiting.email)(smtp.received).find((m) => m.parsed.subject?.startsWith("Zwolniło się miejsce"))!)).toContain(joinUrl);
  });

  it("tells every registered person when the event is cancelled", async () => {
    const page = await moderator.get(`/wydarzenia/${slug}`);
    expect(page.status).toBe(200);
    expect((await moderator.post(`/wydarzenia/${slug}`, { intent: "cancel-event" })).status).toBeLessThan(400);
    await smtp.waitFor((r) => to(waiting.email)(r).some((m) => m.parsed.subject?.startsWith("Wydarzenie odwołane")));
    expect(calendarOf(to(waiting.email)(smtp.received).find((m) => m.parsed.subject?.startsWith("Wydarzenie odwołane"))!)).toContain("METHOD:CANCEL");
  });
});
