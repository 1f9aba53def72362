import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { findUserByEmail } from "../../db/repositories/users.js";
import { buildEventForm } from "../factories/events.js";
import { buildMemberClient } from "../factories/users.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startSmtpSink, type Received } from "../setup/smtp-sink.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { createItem, setStatus } from "./library-support.js";
import { connectAs, cookieFor, createLiveEvent, joinQa, ok, type LiveMessage } from "./live-support.js";

const PUBLIC_URL = "https://frl.example.pl";
const rawHeader = (r: Received, name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(r.raw.split("\r\n\r\n")[0].replace(/\r\n[ \t]+/g, " "))?.[1] ?? "";
const linksIn = (r: Received) => [...`${r.parsed.text ?? ""}`.matchAll(/https?:\/\/[^\s"<>)]+/g)].map((m) => m[0]);

/**
 * Issue 15, co-design and content kinds end to end: the action in the agenda, library or live service → notify() →
 * the in-app row and, per the person's choice, a mail over real SMTP with links from PUBLIC_URL and a one-click
 * unsubscribe.
 */
describe.each(await dialects())("co-design and content notifications on %s", (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: TestServer;
  let moderator: TestClient;
  let staff: { id: number; role: "moderator"; cityId: null };
  let event: { id: number; slug: string; title: string };
  let participant: Awaited<ReturnType<typeof buildMemberClient>>;
  let kalisz: { id: number; email: string; cityId: number };
  let dzierzoniow: { id: number; email: string };
  const sockets: Socket[] = [];

  const mailsTo = (email: string, subject: string) => smtp.received.filter((m) => m.to === email && m.parsed.subject?.startsWith(subject));
  const waitMail = async (email: string, subject: string) => {
    await smtp.waitFor(() => mailsTo(email, subject).length > 0);
    return mailsTo(email, subject)[0];
  };
  const rows = async (userId: number, kind: string) => (await app.services.notifications.list(userId)).filter((n) => n.kind === kind);
  const expectOptionalMail = (mail: Received, path: string) => {
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}${path}`);
    for (const link of linksIn(mail)) expect(link.startsWith(PUBLIC_URL), link).toBe(true);
    expect(rawHeader(mail, "List-Unsubscribe")).toMatch(/^<https:\/\/frl\.example\.pl\/powiadomienia\/wypisz\?token=/);
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.parsed.html).toContain('lang="pl"');
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestServer({ dialect, env: { SMTP_URL: smtp.url, PUBLIC_URL, JOBS_POLL_MS: "100", JOBS_RETRY_BASE_MS: "300" } });
    moderator = await signedIn(app.url, "moderator");
    const mod = (await findUserByEmail(app.services.db.db, "moderator@frl.test"))!;
    staff = { id: mod.id, role: "moderator", cityId: null };
    const k = (await findUserByEmail(app.services.db.db, "kalisz@frl.test"))!;
    kalisz = { id: k.id, email: k.email, cityId: k.verifiedCityId! };
    const d = (await findUserByEmail(app.services.db.db, "member@frl.test"))!;
    dzierzoniow = { id: d.id, email: d.email };
    await moderator.get("/wydarzenia/nowe");
    const res = await moderator.post("/wydarzenia/nowe", buildEventForm({ title: `Seminarium powiadomień ${dialect}` }));
    expect(res.status).toBe(302);
    const e = (await app.services.events.bySlug(res.headers.get("location")!.split("?")[0].split("/").pop()!))!;
    event = { id: e.id, slug: e.slug, title: e.title };
    participant = await buildMemberClient(app);
    await participant.client.get(`/wydarzenia/${event.slug}`);
    expect((await participant.client.post(`/wydarzenia/${event.slug}`, { intent: "register" })).status).toBe(200);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app?.stop();
    await smtp?.close();
  });

  it("tells the people of a newly invited city that the programme workspace is open to them, once, and nobody else", async () => {
    await app.services.agenda.saveSettings(staff, { eventId: event.id, mode: "cities", cityIds: [kalisz.cityId], open: true, dotsBudget: 5 });
    const mail = await waitMail(kalisz.email, "Współtwórz program");
    expect(mail.parsed.subject).toBe(`Współtwórz program: ${event.title}`);
    expect(mail.parsed.text).toContain("Twoje miasto zaproszono do współtworzenia programu");
    expectOptionalMail(mail, `/wydarzenia/${event.slug}/program`);
    expect(await rows(kalisz.id, "agenda_opened")).toEqual([expect.objectContaining({ title: `Współtwórz program: ${event.title}`, url: `/wydarzenia/${event.slug}/program`, readAt: null })]);

    // Saving the same settings again opens nothing new: no second notice.
    await app.services.agenda.saveSettings(staff, { eventId: event.id, mode: "cities", cityIds: [kalisz.cityId], open: true, dotsBudget: 4 });
    await new Promise((r) => setTimeout(r, 800));
    expect(mailsTo(kalisz.email, "Współtwórz program")).toHaveLength(1);
    expect(await rows(kalisz.id, "agenda_opened")).toHaveLength(1);
    expect(await rows(dzierzoniow.id, "agenda_opened")).toHaveLength(0);
    expect(await rows(participant.userId, "agenda_opened")).toHaveLength(0);
  });

  it("tells registered participants and the invited city's people when the programme is published", async () => {
    await app.services.agenda.publish(staff, event.id);
    for (const [email, userId] of [
      [participant.email, participant.userId],
      [kalisz.email, kalisz.id],
    ] as const) {
      const mail = await waitMail(email, "Program opublikowany");
      expect(mail.parsed.subject).toBe(`Program opublikowany: ${event.title}`);
      expect(mail.parsed.text).toContain(`Opublikowano program wydarzenia „${event.title}”.`);
      expectOptionalMail(mail, `/wydarzenia/${event.slug}/program`);
      expect(await rows(userId, "programme_published")).toHaveLength(1);
    }
    expect(await rows(dzierzoniow.id, "programme_published")).toHaveLength(0);
  });

  it("tells confirmed participants when a recording of their event is published, not while it is a draft", async () => {
    const slug = await createItem(moderator, { kind: "recording", title: `Nagranie seminarium ${dialect}`, event: event.slug, videoUrl: "https://video.example.pl/nagranie", "areas[]": ["finanse"] });
    await new Promise((r) => setTimeout(r, 500));
    expect(await rows(participant.userId, "materials_added")).toHaveLength(0);
    expect((await setStatus(moderator, slug, "published")).status).toBeLessThan(400);
    const mail = await waitMail(participant.email, "Nowe materiały z wydarzenia");
    expect(mail.parsed.text).toContain(`dodano nagranie: „Nagranie seminarium ${dialect}”`);
    expectOptionalMail(mail, `/biblioteka/${slug}`);
    expect(await rows(participant.userId, "materials_added")).toEqual([expect.objectContaining({ url: `/biblioteka/${slug}` })]);
    expect(await rows(kalisz.id, "materials_added")).toHaveLength(0);
  });

  it("tells a live question's author when a moderator marks it answered and when someone replies (in-app by default, mail when chosen)", async () => {
    const live = await createLiveEvent(app);
    const member = new TestClient(app.url);
    member.setCookie("frl_session", (await cookieFor(app, "member")).split("=")[1]);
    await member.get("/konto/powiadomienia");
    expect((await member.post("/konto/powiadomienia", { channel_live_answer: "mail", digest: "off" })).status).toBe(200);

    const asker = await connectAs(app, "member");
    const mod = await connectAs(app, "moderator");
    const other = await connectAs(app, "kalisz");
    sockets.push(asker, mod, other);
    const qa = await joinQa(asker, live.id);
    await joinQa(mod, live.id);
    await joinQa(other, live.id);
    const question = await ok<LiveMessage>(asker, "message:send", { threadId: qa, body: "Czy prezentacja będzie dostępna?", kind: "question" });
    // The author's own reply tells nobody.
    await ok(asker, "message:send", { threadId: qa, parentId: question.id, body: "Pytam o slajdy.", kind: "comment" });

    await ok(mod, "message:moderate", { messageId: question.id, action: "answer", answer: "Tak, w bibliotece po wydarzeniu." });
    const answered = await waitMail(dzierzoniow.email, "Odpowiedź na Twoje pytanie");
    expect(answered.parsed.text).toContain("Moderator oznaczył Twoje pytanie");
    expect(answered.parsed.text).toContain("Odpowiedź: Tak, w bibliotece po wydarzeniu.");
    expectOptionalMail(answered, `/wydarzenia/${live.slug}/na-zywo`);

    await ok(other, "message:send", { threadId: qa, parentId: question.id, body: "U nas slajdy były dzień później.", kind: "comment" });
    await expect.poll(async () => (await rows(dzierzoniow.id, "live_answer")).length, { timeout: 10_000 }).toBe(2);
    await smtp.waitFor(() => mailsTo(dzierzoniow.email, "Odpowiedź na Twoje pytanie").length === 2);
    const reply = mailsTo(dzierzoniow.email, "Odpowiedź na Twoje pytanie")[1];
    expect(reply.parsed.text).toContain("odpowiada na Twoje pytanie");
    expect(reply.parsed.text).toContain("Odpowiedź: U nas slajdy były dzień później.");

    // Kalisz's default for this kind is in-app only: a reply to their question adds a row and sends no mail.
    const theirs = await ok<LiveMessage>(other, "message:send", { threadId: qa, body: "Czy będzie nagranie?", kind: "question" });
    await ok(mod, "message:moderate", { messageId: theirs.id, action: "answer" });
    await expect.poll(async () => (await rows(kalisz.id, "live_answer")).length, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 800));
    expect(mailsTo(kalisz.email, "Odpowiedź na Twoje pytanie")).toHaveLength(0);
  });
});
