import { expect } from "vitest";
import type { TestClient } from "../setup/http-client.js";
import type { TestServer } from "../setup/test-server.js";

const DAY = 86400_000;
let seq = 0;

/** Imports a small open city survey closing in `closesInDays`; returns its slug and id. */
export async function importOpenSurvey(app: TestServer, closesInDays = 10): Promise<{ slug: string; id: number; closesAt: string }> {
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
  return { slug, id: survey.id, closesAt: survey.closesAt };
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
