// Issue 13: the city survey. A verified representative answers for their city (one response per city, a version
// check between two representatives), a person without a verified city is told why and nothing is stored, staff
// export the survey and read counts and backers that match a hand-made answer set. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../domain/i18n/index.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const DAY = 86400_000;

/** A small survey whose counts are easy to work out by hand. */
const handMade = (slug: string, closesInDays = 10) => ({
  slug,
  title: "Ankieta testowa",
  intro: "",
  respondent: "city",
  opensAt: new Date(Date.now() - DAY).toISOString(),
  closesAt: new Date(Date.now() + closesInDays * DAY).toISOString(),
  questions: [
    { id: "udzial", type: "single", text: "Udział?", required: true, options: [{ id: "tak", label: "Tak" }, { id: "nie", label: "Nie" }] },
    { id: "tematy", type: "multi", text: "Tematy?", topics: true, options: [{ id: "a", label: "Temat A", area: "finanse" }, { id: "b", label: "Temat B" }, { id: "c", label: "Temat C" }] },
    { id: "ocena", type: "scale", text: "Ocena?", scale: { min: 1, max: 5 } },
    { id: "kolejnosc", type: "ranking", text: "Kolejność?", options: [{ id: "x", label: "X" }, { id: "y", label: "Y" }, { id: "z", label: "Z" }] },
    { id: "zasoby", type: "matrix", text: "Zasoby?", rows: [{ id: "r1", label: "R1" }, { id: "r2", label: "R2" }], options: [{ id: "atut", label: "Atut" }, { id: "bariera", label: "Bariera" }] },
    { id: "uwagi", type: "text", text: "Uwagi?" },
  ],
});

describe.each(await dialects())("city surveys on %s", (dialect) => {
  let app: TestServer;
  let admin: TestClient;

  const responsesOf = async (slug: string) =>
    app.services.db.db
      .selectFrom("surveyResponses")
      .innerJoin("surveys", "surveys.id", "surveyResponses.surveyId")
      .select(["surveyResponses.cityId", "surveyResponses.status", "surveyResponses.answers", "surveyResponses.version"])
      .where("surveys.slug", "=", slug)
      .execute();

  beforeAll(async () => {
    app = await startTestServer({ dialect });
    admin = await signedIn(app.url, "admin");
  });
  afterAll(async () => app?.stop());

  it("the demo survey is answered by about twenty cities and staff export it as its import file", async () => {
    const res = await admin.get("/ankiety/seminaria-2020.json");
    expect(res.status).toBe(200);
    const def = await res.json();
    expect(def.slug).toBe("seminaria-2020");
    expect(def.questions.find((q: { id: string }) => q.id === "tematy").topics).toBe(true);
    const api = await (await admin.get("/api/ankiety/seminaria-2020/wyniki")).json();
    expect(api.responses).toBeGreaterThanOrEqual(18);
    // The export imports back unchanged.
    expect(await app.services.surveys.import("cli", def)).toEqual({ ok: true, slug: "seminaria-2020" });
    // Members cannot export.
    expect((await (await signedIn(app.url, "member")).get("/ankiety/seminaria-2020.json")).status).toBe(403);
  });

  it("an invalid survey file is refused with a report naming each problem", async () => {
    const bad = handMade("zla");
    bad.closesAt = bad.opensAt;
    (bad.questions[1].options as { id: string; area?: string }[])[1] = { id: "a", label: "Kopia", area: "kosmos" } as never;
    (bad.questions as unknown[]).push({ id: "udzial", type: "scale", text: "Znowu" });
    const r = await app.services.surveys.import("cli", bad);
    expect(r.ok).toBe(false);
    const problems = (r as { problems: string[] }).problems.join("\n");
    expect(problems).toContain("closesAt");
    expect(problems).toContain("questions[1].options[1]");
    expect(problems).toContain(t.surveys.import.duplicateQuestion("udzial"));
    expect(problems).toContain(t.surveys.import.needsScale("udzial"));
    expect(await app.services.db.db.selectFrom("surveys").select("id").where("slug", "=", "zla").executeTakeFirst()).toBeUndefined();
  });

  it("a verified representative saves a draft, submits, and a second representative's stale form is refused", async () => {
    await app.services.surveys.import("cli", handMade("reprezentanci"));
    const member = await signedIn(app.url, "member"); // Dzierżoniów
    const page = await member.html("/ankiety/reprezentanci");
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="zasoby.r1"');

    // Submitting without the required question stores nothing.
    let res = await member.post("/ankiety/reprezentanci", { intent: "submit", version: "0", tematy: ["a", "b"] });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(t.surveys.errors.required);
    expect(await responsesOf("reprezentanci")).toHaveLength(0);

    res = await member.post("/ankiety/reprezentanci", { intent: "save", version: "0", tematy: ["a", "b"] });
    expect(res.status).toBe(302);
    res = await member.post("/ankiety/reprezentanci", { intent: "submit", version: "1", udzial: "tak", tematy: ["a"], kolejnosc: ["z", "x"], "zasoby.r1": "atut" });
    expect(res.status).toBe(302);
    let rows = await responsesOf("reprezentanci");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", version: 2 });
    expect(JSON.parse(rows[0].answers)).toEqual({ udzial: "tak", tematy: ["a"], kolejnosc: ["z", "x"], zasoby: { r1: "atut" } });

    // Another representative of Dzierżoniów still holds the form drawn at version 1: refused, current answers shown.
    res = await member.post("/ankiety/reprezentanci", { intent: "submit", version: "1", udzial: "nie" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(t.surveys.errors.staleVersion);
    rows = await responsesOf("reprezentanci");
    expect(JSON.parse(rows[0].answers).udzial).toBe("tak");
  });

  it("a person without a verified city is told why and nothing is stored; an anonymous visitor is asked to sign in", async () => {
    await app.services.surveys.import("cli", handMade("bez-miasta"));
    const expert = new TestClient(app.url);
    await expert.login("ekspert@frl.test");
    const page = await expert.html("/ankiety/bez-miasta");
    expect(page.html).toContain(t.surveys.errors.noCity.slice(0, 40));
    const res = await expert.post("/ankiety/bez-miasta", { intent: "submit", version: "0", udzial: "tak" });
    expect(res.status).toBe(403);
    const anon = new TestClient(app.url);
    expect((await anon.post("/ankiety/bez-miasta", { intent: "submit", version: "0", udzial: "tak" })).status).toBe(401);
    expect(await responsesOf("bez-miasta")).toHaveLength(0);
  });

  it("counts, backers and means match a hand-made answer set, with filters by voivodeship and size", async () => {
    const { surveys, db } = app.services;
    await surveys.import("cli", handMade("liczenie"));
    const member = (await db.db.selectFrom("users").select("id").where("email", "=", "member@frl.test").executeTakeFirstOrThrow()).id;
    const city = async (slug: string) => (await db.db.selectFrom("cities").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
    // poznan: wielkopolskie, large; kalisz: wielkopolskie, medium; gdansk: pomorskie, large.
    const set: [string, [string, string][]][] = [
      ["poznan", [["udzial", "tak"], ["tematy", "a"], ["tematy", "b"], ["ocena", "5"], ["kolejnosc", "x"], ["kolejnosc", "y"], ["zasoby.r1", "atut"], ["zasoby.r2", "bariera"], ["uwagi", "Mieszkania"]]],
      ["kalisz", [["udzial", "tak"], ["tematy", "a"], ["ocena", "2"], ["kolejnosc", "y"], ["kolejnosc", "x"], ["zasoby.r1", "atut"]]],
      ["gdansk", [["udzial", "nie"], ["tematy", "c"], ["tematy", "a"], ["ocena", "3"], ["kolejnosc", "x"], ["zasoby.r1", "bariera"], ["zasoby.r2", "bariera"]]],
    ];
    for (const [slug, entries] of set) {
      const r = await surveys.save({ id: member, role: "member", cityId: await city(slug) }, "liczenie", entries, "submit", 0);
      expect(r.ok).toBe(true);
    }
    // A draft is not counted.
    await surveys.save({ id: member, role: "member", cityId: await city("lodz") }, "liczenie", [["tematy", "b"]], "save", 0);

    const all = await (await admin.get("/api/ankiety/liczenie/wyniki")).json();
    expect(all.responses).toBe(3);
    const q = Object.fromEntries(all.questions.map((x: { id: string }) => [x.id, x]));
    expect(q.udzial.counts).toEqual({ tak: 2, nie: 1 });
    expect(q.udzial.backers).toEqual({ tak: ["kalisz", "poznan"], nie: ["gdansk"] });
    expect(q.tematy.counts).toEqual({ a: 3, b: 1, c: 1 });
    expect(q.tematy.backers.b).toEqual(["poznan"]);
    expect(q.ocena.mean).toBeCloseTo(10 / 3, 2);
    expect(q.ocena.counts).toEqual({ 1: 0, 2: 1, 3: 1, 4: 0, 5: 1 });
    expect(q.kolejnosc.meanRank).toEqual({ x: 1.33, y: 1.5 }); // x: places 1, 2, 1; y: 2, 1
    expect(q.zasoby.counts).toEqual({ r1: { atut: 2, bariera: 1 }, r2: { atut: 0, bariera: 2 } });
    expect(q.zasoby.backers.r2.bariera).toEqual(["gdansk", "poznan"]);
    expect(q.uwagi.answers).toEqual([{ city: "poznan", cityName: "Poznań", text: "Mieszkania" }]);

    const wlkp = await (await admin.get("/api/ankiety/liczenie/wyniki?woj=wielkopolskie&wielkosc=large")).json();
    expect(wlkp.responses).toBe(1);
    expect(wlkp.questions[1].backers.a).toEqual(["poznan"]);
    // Members do not read the API.
    expect((await (await signedIn(app.url, "member")).get("/api/ankiety/liczenie/wyniki")).status).toBe(403);
  });
});
