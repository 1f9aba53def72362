// Issue 13, invitations: staff invite cities to a survey; verified representatives are notified (kind survey_opened,
// mail with the survey's link from PUBLIC_URL and List-Unsubscribe); a city without an account gets a personal link
// that creates an account verified for exactly that city, once, until it expires; reminders go as durable jobs to
// cities that have not submitted, once, also with two instances on PostgreSQL. Runs on SQLite and PostgreSQL, real SMTP.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../domain/i18n/index.js";
import { hashToken } from "../../server/auth/tokens.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { createTestDatabase, postgresUnavailableReason } from "../setup/postgres.js";
import { startSmtpSink, type Received } from "../setup/smtp-sink.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { cityId, importOpenSurvey, inviteByName, tokenIn } from "./survey-invitation-support.js";
import { draftOf } from "../../server/surveys/survey-builder-form.js";
import { utcIsoToLocal } from "../../server/events/time-zone.js";
import { findUserByEmail } from "../../db/repositories/users.js";

const PUBLIC_URL = "https://frl.example.pl";
const DAY = 86400_000;
const PASSWORD = "Gniezno-urzad-ankieta-2026!";
const env = (smtpUrl: string) => ({ SMTP_URL: smtpUrl, PUBLIC_URL, JOBS_POLL_MS: "100", JOBS_RETRY_BASE_MS: "300" });
const s = t.surveyInvitations;
const header = (r: Received, name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(r.raw.split("\r\n\r\n")[0].replace(/\r\n[ \t]+/g, " "))?.[1] ?? "";
const escape = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(await dialects())("survey invitations on %s", (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let app: TestServer;
  let moderator: TestClient;
  let survey: Awaited<ReturnType<typeof importOpenSurvey>>;
  const mailsTo = (email: string, subject: string) => smtp.received.filter((m) => m.to === email && m.parsed.subject === subject);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    app = await startTestServer({ dialect, env: env(smtp.url) });
    moderator = await signedIn(app.url, "moderator");
    survey = await importOpenSurvey(app);
  });
  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
  });

  it("notifies each invited city's verified representatives with the survey's link; a city without an account waits for an address", async () => {
    const res = await inviteByName(moderator, survey.slug, ["Dzierżoniów", "Kalisz", "Gniezno"]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(escape(s.outcome({ added: 3, notified: 2, links: 0, noAddress: 1 })));
    const subject = s.mail.openedTitle(survey.title);
    await smtp.waitFor(() => mailsTo("member@frl.test", subject).length > 0 && mailsTo("kalisz@frl.test", subject).length > 0);
    const mail = mailsTo("member@frl.test", subject)[0];
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/ankiety/${survey.slug}`);
    expect(mail.parsed.text).toContain("Dzierżoniów");
    expect(header(mail, "List-Unsubscribe")).toMatch(new RegExp(`^<${PUBLIC_URL}/powiadomienia/wypisz\\?token=\\d+\\.survey_opened\\.[\\w-]+>$`));
    // The in-app line is there too.
    const member = await signedIn(app.url, "member");
    expect((await member.html("/powiadomienia")).html).toContain(escape(subject));

    const page = await moderator.html(`/ankiety/${survey.slug}/zaproszenia`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(s.summary(3, 0, 3));
    expect(page.html).toMatch(/Gniezno<\/a><\/th><td>Nie rozpoczęta<\/td><td>—<\/td><td>brak konta<\/td><td>jeszcze nie wysłano/);
    expect(page.html).toMatch(/Kalisz<\/a><\/th><td>Nie rozpoczęta<\/td><td>—<\/td><td>1 przedstawiciel<\/td>/);

    // Inviting the same cities again sends nothing twice.
    const before = smtp.received.length;
    expect(await (await inviteByName(moderator, survey.slug, ["Kalisz"])).text()).toContain(escape(s.outcome({ added: 0, notified: 0, links: 0, noAddress: 0 })));
    await sleep(500);
    expect(smtp.received.length).toBe(before);
  });

  it("refuses unknown city names, naming each, and stores nothing; members cannot see or use the page", async () => {
    const res = await inviteByName(moderator, survey.slug, ["Nieistniejewo Górne", "Kalisz"]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(escape(s.errors.unknownCities(["Nieistniejewo Górne"])));
    const member = await signedIn(app.url, "member");
    expect((await member.get(`/ankiety/${survey.slug}/zaproszenia`)).status).toBe(403);
    expect((await member.post(`/ankiety/${survey.slug}/zaproszenia`, { intent: "invite", scope: "all" })).status).toBe(403);
    expect((await new TestClient(app.url).get(`/ankiety/${survey.slug}/zaproszenia`)).status).toBe(302);
  });

  it("a personal link creates an account verified for exactly its city, once; the link's city cannot be swapped", async () => {
    const gniezno = await cityId(app, "gniezno");
    const kalisz = await cityId(app, "kalisz");
    const contact = `urzad-${process.pid}-${dialect}@gniezno.example.pl`;
    const res = await moderator.post(`/ankiety/${survey.slug}/zaproszenia`, { intent: "resend", city: String(gniezno), email: contact });
    expect(res.status).toBe(200);
    await smtp.waitFor((r) => r.some((m) => m.to === contact));
    const mail = smtp.received.find((m) => m.to === contact)!;
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/register/zaproszenie?token=`);
    const token = tokenIn(mail.parsed.text!);
    // Only the hash is stored.
    const stored = await app.services.db.db.selectFrom("surveyInvitations").select(["tokenHash"]).where("email", "=", contact).execute();
    expect(stored.map((r) => r.tokenHash)).toEqual([hashToken(token)]);

    const visitor = new TestClient(app.url);
    const form = await visitor.html(`/register/zaproszenie?token=${encodeURIComponent(token)}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain(escape(s.signup.intro("Gniezno", survey.title)));
    const email = `gniezno-${process.pid}-${dialect}@example.pl`;
    // The form tries to name Kalisz: the city comes from the token alone.
    const done = await visitor.post("/register/zaproszenie", { token, name: "Anna Gnieźnieńska", email, password: PASSWORD, city: "Kalisz", cityId: String(kalisz), cityName: "Kalisz" });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(s.signup.done);
    const user = await app.services.db.db.selectFrom("users").select(["id", "cityId", "verifiedCityId", "affiliation"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ cityId: gniezno, verifiedCityId: gniezno, affiliation: "city" });

    // The new representative answers for Gniezno at once.
    const rep = new TestClient(app.url);
    await rep.login(email, PASSWORD);
    expect((await rep.html(`/ankiety/${survey.slug}`)).html).toContain(escape(t.surveys.answerFor("Gniezno")));

    // A second use is refused with a clear message, and creates nobody.
    const again = await new TestClient(app.url).html(`/register/zaproszenie?token=${encodeURIComponent(token)}`);
    expect(again.status).toBe(410);
    expect(again.html).toContain(escape(s.signup.used));
    const other = new TestClient(app.url);
    await other.get("/register");
    const second = await other.post("/register/zaproszenie", { token, name: "Ktoś Inny", email: `inny-${process.pid}-${dialect}@example.pl`, password: PASSWORD });
    expect(second.status).toBe(410);
    expect(await second.text()).toContain(escape(s.signup.used));
    expect(await app.services.db.db.selectFrom("users").select(["id"]).where("email", "=", `inny-${process.pid}-${dialect}@example.pl`).executeTakeFirst()).toBeUndefined();

    // A made-up token is not a link at all; a form without CSRF is refused.
    expect((await new TestClient(app.url).get(`/register/zaproszenie?token=${"x".repeat(43)}`)).status).toBe(404);
    expect((await new TestClient(app.url).post("/register/zaproszenie", { token, name: "X Y", email: "xy@example.pl", password: PASSWORD }, { csrf: false })).status).toBe(403);
  });

  it("an expired link and a link replaced by a newer one are refused, and create nobody", async () => {
    const wrzesnia = await cityId(app, "wrzesnia");
    expect((await inviteByName(moderator, survey.slug, ["Września"])).status).toBe(200);
    const contact = `urzad-${process.pid}-${dialect}@wrzesnia.example.pl`;
    const send = async () => {
      const n = smtp.received.filter((m) => m.to === contact).length;
      expect((await moderator.post(`/ankiety/${survey.slug}/zaproszenia`, { intent: "resend", city: String(wrzesnia), email: contact })).status).toBe(200);
      await smtp.waitFor((r) => r.filter((m) => m.to === contact).length > n);
      return tokenIn(smtp.received.filter((m) => m.to === contact).at(-1)!.parsed.text!);
    };
    const first = await send();
    const second = await send();
    const replaced = await new TestClient(app.url).html(`/register/zaproszenie?token=${encodeURIComponent(first)}`);
    expect(replaced.status).toBe(410);
    expect(replaced.html).toContain(escape(s.signup.expired));

    await app.services.db.db.updateTable("surveyInvitations").set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where("tokenHash", "=", hashToken(second)).execute();
    const visitor = new TestClient(app.url);
    const page = await visitor.html(`/register/zaproszenie?token=${encodeURIComponent(second)}`);
    expect(page.status).toBe(410);
    expect(page.html).toContain(escape(s.signup.expired));
    await visitor.get("/register");
    const email = `wrzesnia-${process.pid}-${dialect}@example.pl`;
    expect((await visitor.post("/register/zaproszenie", { token: second, name: "Jan Wrzesiński", email, password: PASSWORD })).status).toBe(410);
    expect(await app.services.db.db.selectFrom("users").select(["id"]).where("email", "=", email).executeTakeFirst()).toBeUndefined();
  });

  it("schedules reminders a week and a day before the close; a reminder goes only to cities that have not submitted, once", async () => {
    const jobs =
      dialect === "sqlite"
        ? await app.services.db.db.selectFrom("jobs").select(["runAt"]).where("queue", "=", "survey.reminder").execute()
        : (await sql<{ runAt: Date }>`select start_after as "runAt" from pgboss.job where name = 'survey.reminder'`.execute(app.services.db.db)).rows;
    const times = new Set(jobs.map((j) => new Date(j.runAt).getTime()));
    expect(times).toEqual(new Set([Date.parse(survey.closesAt) - 7 * DAY, Date.parse(survey.closesAt) - DAY]));

    // Kalisz submits; Dzierżoniów only has a draft.
    const kalisz = new TestClient(app.url);
    await kalisz.login("kalisz@frl.test");
    await kalisz.get(`/ankiety/${survey.slug}`);
    expect((await kalisz.post(`/ankiety/${survey.slug}`, { intent: "submit", version: "0", udzial: "tak" })).status).toBe(302);
    const member = await signedIn(app.url, "member");
    await member.get(`/ankiety/${survey.slug}`);
    expect((await member.post(`/ankiety/${survey.slug}`, { intent: "save", version: "0", udzial: "nie" })).status).toBe(302);

    const page = await moderator.html(`/ankiety/${survey.slug}/zaproszenia`);
    expect(page.html).toMatch(/Kalisz<\/a><\/th><td>Wysłana<\/td><td>[^<]+, \d/);
    expect(page.html).toMatch(/Dzierżoniów<\/a><\/th><td>Wersja robocza<\/td>/);

    // The same reminder job twice (a duplicate schedule): one mail.
    const subject = s.mail.closingTitle(survey.title);
    for (let i = 0; i < 2; i++) await app.services.jobs.send("survey.reminder", { surveyId: survey.id, closesAt: survey.closesAt, minutes: 1440 }, { runAt: new Date(Date.now() + 300) });
    await smtp.waitFor(() => mailsTo("member@frl.test", subject).length > 0);
    await sleep(1500);
    expect(mailsTo("member@frl.test", subject).length).toBe(1);
    expect(mailsTo("kalisz@frl.test", subject).length).toBe(0);
    expect(mailsTo("member@frl.test", subject)[0].parsed.text).toContain(`${PUBLIC_URL}/ankiety/${survey.slug}`);
    // Września has no account but a contact address: it is reminded with a fresh personal link, once.
    const wrzesnia = smtp.received.filter((m) => m.to === `urzad-${process.pid}-${dialect}@wrzesnia.example.pl` && m.parsed.subject === s.mail.reminderLinkSubject(survey.title));
    expect(wrzesnia.length).toBe(1);
    expect((await new TestClient(app.url).get(`/register/zaproszenie?token=${encodeURIComponent(tokenIn(wrzesnia[0].parsed.text!))}`)).status).toBe(200);
  });

  it("a moved close date: reminders queued for the old one send nothing, and new ones are queued", async () => {
    const def = await (await moderator.get(`/ankiety/${survey.slug}.json`)).json();
    const closesAt = new Date(Date.parse(survey.closesAt) + 2 * DAY).toISOString();
    expect(await app.services.surveys.import("cli", { ...def, closesAt })).toEqual({ ok: true, slug: survey.slug });
    expect(await app.services.surveys.invitations.runReminder({ surveyId: survey.id, closesAt: survey.closesAt, minutes: 7 * 1440 })).toBe(0);
    const jobs =
      dialect === "sqlite"
        ? await app.services.db.db.selectFrom("jobs").select(["runAt"]).where("queue", "=", "survey.reminder").execute()
        : (await sql<{ runAt: Date }>`select start_after as "runAt" from pgboss.job where name = 'survey.reminder'`.execute(app.services.db.db)).rows;
    const times = jobs.map((j) => new Date(j.runAt).getTime());
    expect(times).toContain(Date.parse(closesAt) - 7 * DAY);
    expect(times).toContain(Date.parse(closesAt) - DAY);
  });

  it("a close date moved in the browser builder queues the reminders for the new date", async () => {
    const current = (await app.services.surveys.bySlug(survey.slug))!;
    const closesAt = new Date(Date.parse(current.closesAt) + 3 * DAY).toISOString();
    const admin = (await findUserByEmail(app.services.db.db, "admin@frl.test"))!;
    const draft = { ...draftOf(current), closesAt: utcIsoToLocal(closesAt) };
    expect((await app.services.surveys.edit({ id: admin.id, role: admin.role, cityId: null }, survey.slug, draft)).ok).toBe(true);
    // The builder edits to the minute: the stored close is the new one without its seconds.
    const stored = (await app.services.surveys.bySlug(survey.slug))!.closesAt;
    expect(Math.abs(Date.parse(stored) - Date.parse(closesAt))).toBeLessThan(60_000);
    const jobs =
      dialect === "sqlite"
        ? await app.services.db.db.selectFrom("jobs").select(["runAt"]).where("queue", "=", "survey.reminder").execute()
        : (await sql<{ runAt: Date }>`select start_after as "runAt" from pgboss.job where name = 'survey.reminder'`.execute(app.services.db.db)).rows;
    const times = jobs.map((j) => new Date(j.runAt).getTime());
    expect(times).toContain(Date.parse(stored) - 7 * DAY);
    expect(times).toContain(Date.parse(stored) - DAY);
  });
});

describe.skipIf(await postgresUnavailableReason())("survey reminders with two instances on PostgreSQL", () => {
  it("a reminder scheduled on one instance survives its stop and is sent once by the other", async () => {
    const smtp = await startSmtpSink();
    const { url, drop } = await createTestDatabase();
    const a = await startTestServer({ databaseUrl: url, env: env(smtp.url) });
    const b = await startTestServer({ databaseUrl: url, env: env(smtp.url) });
    let aStopped = false;
    try {
      const survey = await importOpenSurvey(a);
      const moderator = await signedIn(a.url, "moderator");
      expect((await inviteByName(moderator, survey.slug, ["Dzierżoniów"])).status).toBe(200);
      const subject = s.mail.closingTitle(survey.title);
      const job = { surveyId: survey.id, closesAt: survey.closesAt, minutes: 1440 };
      // Scheduled on both instances, due shortly; A stops before it is due.
      await a.services.jobs.send("survey.reminder", job, { runAt: new Date(Date.now() + 2000) });
      await b.services.jobs.send("survey.reminder", job, { runAt: new Date(Date.now() + 2000) });
      await a.stop();
      aStopped = true;
      await smtp.waitFor((r) => r.some((m) => m.to === "member@frl.test" && m.parsed.subject === subject), 15_000);
      await sleep(2000);
      expect(smtp.received.filter((m) => m.to === "member@frl.test" && m.parsed.subject === subject).length).toBe(1);
    } finally {
      if (!aStopped) await a.stop();
      await b.stop();
      await drop();
      await smtp.close();
    }
  });
});
