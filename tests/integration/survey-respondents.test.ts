// Issue 13: surveys answered by each person (respondent "person") count every person once, whatever their city,
// and a city's profile shows its own answers, readable, only to its verified representatives and staff (the loader
// returns nothing of them to anyone else). Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../domain/i18n/index.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const DAY = 86400_000;

const personSurvey = {
  slug: "osobista",
  title: "Ankieta uczestników",
  intro: "",
  respondent: "person",
  opensAt: new Date(Date.now() - DAY).toISOString(),
  closesAt: new Date(Date.now() + 10 * DAY).toISOString(),
  questions: [
    { id: "tematy", type: "multi", text: "Tematy?", required: true, topics: true, options: [{ id: "a", label: "Temat A" }, { id: "b", label: "Temat B" }] },
    { id: "ocena", type: "scale", text: "Ocena?", scale: { min: 1, max: 5 } },
    { id: "uwagi", type: "text", text: "Uwagi?" },
  ],
};

async function as(app: TestServer, email: string): Promise<TestClient> {
  const c = new TestClient(app.url);
  await c.login(email);
  return c;
}

describe.each(await dialects())("person surveys and a city's own answers on %s", (dialect) => {
  let app: TestServer;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestServer({ dialect });
    admin = await signedIn(app.url, "admin");
    expect(await app.services.surveys.import("cli", personSurvey)).toEqual({ ok: true, slug: "osobista" });
  });
  afterAll(async () => app?.stop());

  it("every signed-in person answers for themselves (draft, then submit); each person counts once, backers are their cities", async () => {
    const member = await as(app, "member@frl.test"); // Dzierżoniów
    const expert = await as(app, "ekspert@frl.test"); // no verified city
    const moderator = await as(app, "moderator@frl.test");
    const kalisz = await as(app, "kalisz@frl.test");

    // A person without a verified city may answer a person survey.
    const page = await expert.html("/ankiety/osobista");
    expect(page.html).not.toContain(t.surveys.errors.noCity.slice(0, 40));
    expect((await expert.post("/ankiety/osobista", { intent: "save", version: "0", tematy: "a" })).status).toBe(302);
    expect((await expert.post("/ankiety/osobista", { intent: "submit", version: "1", tematy: ["a", "b"], ocena: "4", uwagi: "Więcej warsztatów" })).status).toBe(302);
    expect((await member.post("/ankiety/osobista", { intent: "submit", version: "0", tematy: "a", ocena: "2" })).status).toBe(302);
    expect((await moderator.post("/ankiety/osobista", { intent: "submit", version: "0", tematy: ["a", "a"] })).status).toBe(400); // a repeated option is refused
    expect((await moderator.post("/ankiety/osobista", { intent: "submit", version: "0", tematy: "a" })).status).toBe(302);
    // Kalisz only saves a draft: not counted.
    expect((await kalisz.post("/ankiety/osobista", { intent: "save", version: "0", tematy: "b" })).status).toBe(302);
    // Nobody signed in answers nothing.
    expect((await new TestClient(app.url).post("/ankiety/osobista", { intent: "submit", version: "0", tematy: "a" })).status).toBe(401);

    const rows = await app.services.db.db
      .selectFrom("surveyResponses")
      .innerJoin("surveys", "surveys.id", "surveyResponses.surveyId")
      .select(["surveyResponses.personId", "surveyResponses.cityId", "surveyResponses.status"])
      .where("surveys.slug", "=", "osobista")
      .execute();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.cityId === null && r.personId !== null)).toBe(true);

    const api = await (await admin.get("/api/ankiety/osobista/wyniki")).json();
    expect(api.responses).toBe(3);
    const q = Object.fromEntries(api.questions.map((x: { id: string }) => [x.id, x]));
    expect(q.tematy.counts).toEqual({ a: 3, b: 1 });
    expect(q.tematy.backers).toEqual({ a: ["dzierzoniow"], b: [] });
    expect(q.ocena.mean).toBe(3);
    expect(q.uwagi.answers).toEqual([{ city: "", cityName: t.surveys.results.noCity, text: "Więcej warsztatów" }]);

    // A filter by voivodeship keeps only people whose verified city is in it.
    const dolnoslaskie = await (await admin.get("/api/ankiety/osobista/wyniki?woj=dolno%C5%9Bl%C4%85skie")).json();
    expect(dolnoslaskie.responses).toBe(1);
    const results = await admin.html("/ankiety/osobista/wyniki");
    expect(results.status).toBe(200);
    expect(results.html).toContain(t.surveys.results.responsesPeople(3));
  });

  it("a city's profile shows its own answers, question by question, to its representatives and staff only", async () => {
    const member = await as(app, "member@frl.test");
    const answers = { udzial: "tak", tematy: ["dane", "fundusze"], gotowosc: "4", uwagi: "Rewitalizacja dworca", ...Object.fromEntries(["kapital-ludzki", "przedsiebiorczosc", "dziedzictwo", "przyroda", "polozenie", "tereny", "wspolpraca"].map((r) => [`zasoby.${r}`, r === "tereny" ? "bariera" : "atut"])) };
    expect((await member.post("/ankiety/seminaria-2020", { intent: "submit", version: "0", ...answers })).status).toBe(302);

    const section = t.surveys.cityProfile.title;
    const own = await member.html("/miasta/dzierzoniow");
    expect(own.html).toContain(section);
    expect(own.html).toContain("Zarządzanie danymi i usługi cyfrowe dla mieszkańców, Fundusze europejskie 2021–2027");
    expect(own.html).toContain("Rewitalizacja dworca");
    // Key resources and factors from the matrix question: one row heading per resource with its answer.
    expect(own.html).toMatch(/<th scope="row">Tereny inwestycyjne<\/th><td>Bariera<\/td>/);
    expect(own.html).toMatch(/<th scope="row">Zasoby przyrodnicze<\/th><td>Atut<\/td>/);
    expect((await admin.html("/miasta/dzierzoniow")).html).toContain("Rewitalizacja dworca");
    expect((await (await signedIn(app.url, "moderator")).html("/miasta/dzierzoniow")).html).toContain("Rewitalizacja dworca");

    // Another city's representative, a person without a verified city and a visitor see nothing of it…
    const others = [await as(app, "kalisz@frl.test"), await as(app, "ekspert@frl.test"), new TestClient(app.url)];
    for (const c of others) {
      const page = await c.html("/miasta/dzierzoniow");
      expect(page.status).toBe(200);
      expect(page.html).not.toContain(section);
      expect(page.html).not.toContain("Rewitalizacja dworca");
      // …and the loader's data does not carry it either.
      const data = await (await c.get(`/miasta/dzierzoniow?_data=${encodeURIComponent("routes/miasta.$slug")}`)).json();
      expect(data.surveyAnswers).toEqual([]);
    }
    // Kalisz sees its own (empty: it has not answered) and not Dzierżoniów's.
    expect((await (await as(app, "kalisz@frl.test")).html("/miasta/kalisz")).html).not.toContain(section);
  });
});
