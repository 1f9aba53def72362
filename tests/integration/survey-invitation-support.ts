import { expect } from "vitest";
import type { TestClient } from "../setup/http-client.js";
import type { TestServer } from "../setup/test-server.js";

const DAY = 86400_000;
let seq = 0;

/** Imports a small open city survey closing in `closesInDays`; returns its slug and id. */
export async function importOpenSurvey(app: TestServer, closesInDays = 10): Promise<{ slug: string; id: number; title: string; closesAt: string }> {
  const slug = `zaproszenia-${process.pid}-${++seq}`;
  const closesAt = new Date(Date.now() + closesInDays * DAY).toISOString();
  const result = await app.services.surveys.import("cli", {
    slug,
    title: `Ankieta zaproszeń ${seq}`,
    intro: "",
    respondent: "city",
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt,
    questions: [{ id: "udzial", type: "single", text: "Udział?", required: true, options: [{ id: "tak", label: "Tak" }, { id: "nie", label: "Nie" }] }],
  });
  expect(result).toEqual({ ok: true, slug });
  const survey = (await app.services.surveys.bySlug(slug))!;
  return { slug, id: survey.id, title: survey.title, closesAt: survey.closesAt };
}

/** Invites the named cities through the staff form (one name a line). */
export async function inviteByName(staff: TestClient, slug: string, names: string[]): Promise<Response> {
  await staff.get(`/ankiety/${slug}/zaproszenia`);
  return staff.post(`/ankiety/${slug}/zaproszenia`, { intent: "invite", scope: "individual", cities: names.join("\n") });
}

/** The id of a town by slug. */
export async function cityId(app: TestServer, slug: string): Promise<number> {
  return (await app.services.db.db.selectFrom("cities").select(["id"]).where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

/** The token of a sign-up link in a mail's text. */
export function tokenIn(text: string): string {
  const m = /\/register\/zaproszenie\?token=([\w%-]+)/.exec(text);
  if (!m) throw new Error(`no sign-up link in: ${text}`);
  return decodeURIComponent(m[1]);
}

/**
 * An open survey with Kalisz (a verified representative) and Gniezno (no account, a contact address) invited through
 * the service as the demo admin; returns the survey's slug and the path of Gniezno's personal sign-up link, read from
 * the file mailer (the app must run without SMTP_URL).
 */
export async function surveyWithSignupLink(app: TestServer): Promise<{ slug: string; signupPath: string }> {
  const { readMail } = await import("../setup/mail.js");
  const survey = await importOpenSurvey(app);
  const surveyView = (await app.services.surveys.bySlug(survey.slug))!;
  const admin = await app.services.db.db.selectFrom("users").select(["id"]).where("email", "=", "admin@frl.test").executeTakeFirstOrThrow();
  const actor = { id: admin.id, role: "admin" as const, cityId: null, coordinator: false };
  await app.services.surveys.invitations.invite(actor, surveyView, { scope: "individual", cities: "Kalisz\nGniezno" });
  const email = `urzad-${process.pid}@gniezno.example.pl`;
  await app.services.surveys.invitations.resend(actor, surveyView, await cityId(app, "gniezno"), email);
  const mail = readMail(app.dataDir).find((m) => m.to === email)!;
  return { slug: survey.slug, signupPath: `/register/zaproszenie?token=${encodeURIComponent(tokenIn(mail.text))}` };
}
