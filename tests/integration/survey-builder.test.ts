// Issue 13, part A: staff build a survey in the browser (create, add, reorder, remove questions; only staff; answered
// questions and options cannot be removed), upload a survey file (valid, or refused with a report naming each
// problem), export it and import it back unchanged, download the results as XLSX, and filter results by network.
// Runs on SQLite and PostgreSQL.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addNetworkCity, endNetworkCity, insertNetwork } from "../../db/repositories/networks.js";
import { t } from "../../domain/i18n/index.js";
import { draftOf, type SurveyDraft } from "../../server/surveys/survey-builder-form.js";
import type { SurveyDefinition } from "../../server/surveys/survey-definition.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const b = t.surveyBuilder;
const DAY = 86400_000;
// One instant for every copy of the survey below, in whole minutes as the builder's date fields keep them.
const NOW = Math.floor(Date.now() / 60_000) * 60_000;

/** A draft as the builder's form posts it: one field per path (`questions[0].options[1].label`). */
function fieldsOf(d: SurveyDraft, intent = "save"): Record<string, string> {
  const f: Record<string, string> = { intent, slug: d.slug, title: d.title, intro: d.intro, respondent: d.respondent, opensAt: d.opensAt, closesAt: d.closesAt };
  d.questions.forEach((q, i) => {
    const p = `questions[${i}]`;
    Object.assign(f, { [`${p}.id`]: q.id, [`${p}.type`]: q.type, [`${p}.text`]: q.text, [`${p}.scale.min`]: q.scale.min, [`${p}.scale.max`]: q.scale.max, [`${p}.scale.minLabel`]: q.scale.minLabel, [`${p}.scale.maxLabel`]: q.scale.maxLabel });
    if (q.required) f[`${p}.required`] = "1";
    if (q.topics) f[`${p}.topics`] = "1";
    q.options.forEach((o, j) => Object.assign(f, { [`${p}.options[${j}].id`]: o.id, [`${p}.options[${j}].label`]: o.label, [`${p}.options[${j}].area`]: o.area }));
    q.rows.forEach((r, j) => Object.assign(f, { [`${p}.rows[${j}].id`]: r.id, [`${p}.rows[${j}].label`]: r.label }));
    // The spare blank line every list shows: it must add nothing.
    f[`${p}.options[${q.options.length}].label`] = "";
  });
  return f;
}

const survey = (slug: string): SurveyDefinition => ({
  slug,
  title: "Ankieta z kreatora",
  intro: "Wstęp",
  respondent: "city",
  opensAt: new Date(NOW - DAY).toISOString(),
  closesAt: new Date(NOW + 10 * DAY).toISOString(),
  questions: [
    { id: "udzial", type: "single", text: "Udział?", required: true, options: [{ id: "tak", label: "Tak" }, { id: "nie", label: "Nie" }] },
    { id: "tematy", type: "multi", text: "Tematy?", topics: true, options: [{ id: "a", label: "Temat A", area: "finanse" }, { id: "b", label: "Temat B" }] },
    { id: "ocena", type: "scale", text: "Ocena?", scale: { min: 1, max: 5, minLabel: "źle", maxLabel: "dobrze" } },
    { id: "zasoby", type: "matrix", text: "Zasoby?", rows: [{ id: "r1", label: "Kadry" }, { id: "r2", label: "Budżet" }], options: [{ id: "atut", label: "Atut" }, { id: "bariera", label: "Bariera" }] },
    { id: "uwagi", type: "text", text: "Uwagi?" },
  ],
});

describe.each(await dialects())("survey builder, upload, XLSX and network filter on %s", (dialect) => {
  let app: TestServer;
  let admin: TestClient;

  const stored = async (slug: string) => {
    const row = await app.services.db.db.selectFrom("surveys").select(["questions", "title"]).where("slug", "=", slug).executeTakeFirst();
    return row ? { title: row.title, questions: JSON.parse(row.questions) as SurveyDefinition["questions"] } : undefined;
  };
  const cityId = async (slug: string) => (await app.services.db.db.selectFrom("cities").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const memberId = async () => (await app.services.db.db.selectFrom("users").select("id").where("email", "=", "member@frl.test").executeTakeFirstOrThrow()).id;
  const answer = async (slug: string, city: string, entries: [string, string][]) => {
    const r = await app.services.surveys.save({ id: await memberId(), role: "member", cityId: await cityId(city) }, slug, entries, "submit", 0);
    expect(r.ok).toBe(true);
  };
  const upload = (client: TestClient, body: string, name = "ankieta.json") => {
    const form = new FormData();
    form.append("_csrf", client.csrf);
    form.append("file", new Blob([body], { type: "application/json" }), name);
    return client.request("/ankiety/wczytaj", { method: "POST", body: form });
  };

  beforeAll(async () => {
    app = await startTestServer({ dialect });
    admin = await signedIn(app.url, "admin");
  });
  afterAll(async () => app?.stop());

  it("only staff see the builder: members are refused, visitors sent to log in, the list links it for staff", async () => {
    const member = await signedIn(app.url, "member");
    expect((await member.get("/ankiety/nowa")).status).toBe(403);
    expect((await member.get("/ankiety/wczytaj")).status).toBe(403);
    expect((await member.get("/ankiety/seminaria-2020/edycja")).status).toBe(403);
    await member.get("/ankiety");
    expect((await member.post("/ankiety/nowa", fieldsOf({ ...draftOf(survey("od-czlonka")) }))).status).toBe(403);
    expect(await stored("od-czlonka")).toBeUndefined();
    const anonymous = new TestClient(app.url);
    const res = await anonymous.get("/ankiety/nowa");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login");
    expect((await member.html("/ankiety")).html).not.toContain('href="/ankiety/nowa"');
    const list = await admin.html("/ankiety");
    expect(list.html).toContain('href="/ankiety/nowa"');
    expect(list.html).toContain('href="/ankiety/seminaria-2020/edycja"');
  });

  it("staff create a survey; an invalid or taken one is refused with Polish messages next to the fields and nothing stored", async () => {
    const page = await admin.html("/ankiety/nowa");
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="questions[0].options[0].label"');

    const draft = draftOf(survey("z-kreatora"));
    // Blank title, closing before opening: 400, each message shown, nothing stored.
    let res = await admin.post("/ankiety/nowa", fieldsOf({ ...draft, title: "", closesAt: draft.opensAt }));
    expect(res.status).toBe(400);
    let html = await res.text();
    expect(html).toContain(t.surveys.import.closesBeforeOpens);
    expect(html).toContain('id="f-title-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(await stored("z-kreatora")).toBeUndefined();

    res = await admin.post("/ankiety/nowa", fieldsOf(draft));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/ankiety/z-kreatora/edycja?utworzono=1");
    expect((await stored("z-kreatora"))!.questions).toEqual(survey("z-kreatora").questions);

    res = await admin.post("/ankiety/nowa", fieldsOf(draft));
    expect(res.status).toBe(400);
    html = await res.text();
    expect(html).toContain(b.slugTaken("z-kreatora"));

    // A slug the pages under /ankiety use is refused.
    res = await admin.post("/ankiety/nowa", fieldsOf({ ...draft, slug: "nowa" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(b.slugReserved);
  });

  it("staff add a question of each type, edit, reorder and remove questions and options, and preview them", async () => {
    await app.services.surveys.import("cli", survey("porzadek"));
    const current = async () => draftOf((await app.services.surveys.exportDefinition({ id: 1, role: "admin", cityId: null }, "porzadek"))!);

    for (const type of ["single", "multi", "scale", "ranking", "matrix", "text"]) {
      const res = await admin.post("/ankiety/porzadek/edycja", fieldsOf(await current(), `add:${type}`));
      expect(res.status, type).toBe(302);
    }
    let qs = (await stored("porzadek"))!.questions;
    expect(qs.map((q) => q.type).slice(5)).toEqual(["single", "multi", "scale", "ranking", "matrix", "text"]);
    expect(new Set(qs.map((q) => q.id)).size).toBe(11);

    // Move the last question up: it lands one place higher and the page scrolls to it.
    const res = await admin.post("/ankiety/porzadek/edycja", fieldsOf(await current(), "up:10"));
    expect(res.headers.get("location")).toBe("/ankiety/porzadek/edycja?zapisano=1#pytanie-10");
    qs = (await stored("porzadek"))!.questions;
    expect(qs[9].type).toBe("text");
    expect(qs[10].type).toBe("matrix");
    await admin.post("/ankiety/porzadek/edycja", fieldsOf(await current(), "down:0"));
    expect((await stored("porzadek"))!.questions.slice(0, 2).map((q) => q.id)).toEqual(["tematy", "udzial"]);

    // Edit texts, flags, a scale and an option's area; add an option through the spare line (its id made from the label).
    const d = await current();
    d.title = "Nowy tytuł";
    d.questions[1].text = "Czy miasto weźmie udział?";
    d.questions[1].required = false;
    d.questions[0].options[1].area = "nieruchomosci";
    d.questions[0].options.push({ id: "", label: "Żłobki i przedszkola", area: "" });
    d.questions[2].scale = { min: "0", max: "10", minLabel: "", maxLabel: "świetnie" };
    expect((await admin.post("/ankiety/porzadek/edycja", fieldsOf(d))).status).toBe(302);
    const after = await stored("porzadek");
    expect(after!.title).toBe("Nowy tytuł");
    expect(after!.questions[1]).toEqual({ id: "udzial", type: "single", text: "Czy miasto weźmie udział?", options: [{ id: "tak", label: "Tak" }, { id: "nie", label: "Nie" }] });
    expect(after!.questions[0].options).toEqual([{ id: "a", label: "Temat A", area: "finanse" }, { id: "b", label: "Temat B", area: "nieruchomosci" }, { id: "zlobki-i-przedszkola", label: "Żłobki i przedszkola" }]);
    expect(after!.questions[2].scale).toEqual({ min: 0, max: 10, maxLabel: "świetnie" });

    // Remove an option, then a question.
    await admin.post("/ankiety/porzadek/edycja", fieldsOf(await current(), "remove-option:0:2"));
    expect((await stored("porzadek"))!.questions[0].options!.map((o) => o.id)).toEqual(["a", "b"]);
    await admin.post("/ankiety/porzadek/edycja", fieldsOf(await current(), "remove:4"));
    qs = (await stored("porzadek"))!.questions;
    expect(qs).toHaveLength(10);
    expect(qs.map((q) => q.id)).not.toContain("uwagi");

    // An invalid edit (a choice question without options, a bad id) stores nothing and says where.
    const bad = await current();
    bad.questions[0].options = [];
    bad.questions[1].id = "Zły id";
    const refused = await admin.post("/ankiety/porzadek/edycja", fieldsOf(bad));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain(t.surveys.import.needsOptions("tematy"));
    expect(html).toContain('id="f-questions-1-id-error"');
    expect((await stored("porzadek"))!.questions).toEqual(qs);

    // The preview draws the questions with the respondents' own fields.
    const page = await admin.html("/ankiety/porzadek/edycja");
    expect(page.html).toContain(b.preview);
    expect(page.html).toContain('name="zasoby.r1"');
  });

  it("once cities have answered, answered questions and chosen options cannot be removed; labels still can change", async () => {
    await app.services.surveys.import("cli", survey("odpowiedziana"));
    await answer("odpowiedziana", "poznan", [["udzial", "tak"], ["tematy", "a"], ["ocena", "4"], ["zasoby.r1", "atut"]]);
    const current = async () => draftOf((await app.services.surveys.exportDefinition({ id: 1, role: "admin", cityId: null }, "odpowiedziana"))!);

    let res = await admin.post("/ankiety/odpowiedziana/edycja", fieldsOf(await current(), "remove:0"));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(b.answeredQuestionGone("udzial"));
    res = await admin.post("/ankiety/odpowiedziana/edycja", fieldsOf(await current(), "remove-option:1:0"));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(b.answeredOptionGone("tematy", "a"));
    const narrowed = await current();
    narrowed.questions[2].scale.max = "3";
    expect((await admin.post("/ankiety/odpowiedziana/edycja", fieldsOf(narrowed))).status).toBe(400);
    const retyped = await current();
    retyped.questions[0].type = "multi";
    expect((await admin.post("/ankiety/odpowiedziana/edycja", fieldsOf(retyped))).status).toBe(400);
    expect((await stored("odpowiedziana"))!.questions).toEqual(survey("odpowiedziana").questions);

    // Unanswered things stay free: a label, an unchosen option, the unanswered text question.
    const safe = await current();
    safe.questions[1].options[0].label = "Temat A (poprawiony)";
    safe.questions[1].options.splice(1, 1);
    safe.questions.splice(4, 1);
    expect((await admin.post("/ankiety/odpowiedziana/edycja", fieldsOf(safe))).status).toBe(302);
    const after = (await stored("odpowiedziana"))!.questions;
    expect(after[1].options).toEqual([{ id: "a", label: "Temat A (poprawiony)", area: "finanse" }]);
    expect(after).toHaveLength(4);

    // The file import goes through the same check.
    const r = await app.services.surveys.import("cli", { ...survey("odpowiedziana"), questions: survey("odpowiedziana").questions.slice(1) });
    expect(r.ok).toBe(false);
  });

  it("staff upload a survey file; an invalid one is refused with a report naming each problem, and the export round-trips", async () => {
    const member = await signedIn(app.url, "member");
    await member.get("/ankiety");
    expect((await upload(member, JSON.stringify(survey("od-czlonka")))).status).toBe(403);

    await admin.get("/ankiety/wczytaj");
    let res = await upload(admin, JSON.stringify(survey("wgrana")));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(b.imported("wgrana"));
    expect((await stored("wgrana"))!.questions).toEqual(survey("wgrana").questions);

    const broken = survey("zepsuta") as unknown as { closesAt: string; opensAt: string; questions: Record<string, unknown>[] };
    broken.closesAt = broken.opensAt;
    broken.questions[0].options = [];
    broken.questions[2].scale = { min: 5, max: 1 };
    broken.questions[1].options = [{ id: "a", label: "A", area: "kosmos" }];
    res = await upload(admin, JSON.stringify(broken));
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const [path, message] of [
      ["closesAt", t.surveys.import.closesBeforeOpens],
      ["questions[0].options", t.surveys.import.needsOptions("udzial")],
      ["questions[2].scale", t.surveys.import.badScale("ocena")],
      ["questions[1].options[0].area", t.surveys.import.unknownArea("tematy", "kosmos")],
    ]) {
      expect(html).toContain(`<code>${path}</code>`);
      expect(html).toContain(message.replace(/"/g, "&quot;"));
    }
    expect(await stored("zepsuta")).toBeUndefined();
    res = await upload(admin, "{ to nie JSON");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(t.surveys.import.notJson);

    // Export → upload → export gives the same survey.
    const exported = await (await admin.get("/ankiety/wgrana.json")).text();
    expect(JSON.parse(exported)).toEqual(survey("wgrana"));
    await admin.get("/ankiety/wczytaj");
    expect((await upload(admin, exported, "wgrana.json")).status).toBe(200);
    expect(await (await admin.get("/ankiety/wgrana.json")).text()).toBe(exported);
  });

  it("results filter by network and download as XLSX; counts match a hand-made answer set", async () => {
    const { db } = app.services;
    await app.services.surveys.import("cli", survey("sieci"));
    // poznan and gdansk are members of the network now; kalisz left it, lodz never joined.
    const networkId = await insertNetwork(db.db, { slug: "siec-testowa", name: "Sieć testowa", description: "", status: "active", startYear: 2024, endYear: null, leaderCityId: null }, []);
    for (const c of ["poznan", "gdansk", "kalisz"]) await addNetworkCity(db.db, networkId, await cityId(c), "2024-01-01");
    await endNetworkCity(db.db, networkId, await cityId("kalisz"), "2025-01-01");
    await answer("sieci", "poznan", [["udzial", "tak"], ["tematy", "a"], ["tematy", "b"], ["ocena", "5"], ["zasoby.r1", "atut"], ["uwagi", "Mieszkania"]]);
    await answer("sieci", "gdansk", [["udzial", "nie"], ["tematy", "a"], ["ocena", "2"], ["zasoby.r1", "bariera"], ["zasoby.r2", "bariera"]]);
    await answer("sieci", "kalisz", [["udzial", "tak"], ["tematy", "b"], ["ocena", "3"]]);
    await answer("sieci", "lodz", [["udzial", "tak"], ["ocena", "1"]]);

    const all = await (await admin.get("/api/ankiety/sieci/wyniki")).json();
    expect(all.responses).toBe(4);
    const net = await (await admin.get("/api/ankiety/sieci/wyniki?siec=siec-testowa")).json();
    expect(net.responses).toBe(2);
    const q = Object.fromEntries(net.questions.map((x: { id: string }) => [x.id, x]));
    expect(q.udzial.counts).toEqual({ tak: 1, nie: 1 });
    expect(q.tematy.counts).toEqual({ a: 2, b: 1 });
    expect(q.tematy.backers).toEqual({ a: ["gdansk", "poznan"], b: ["poznan"] });
    expect(q.ocena.mean).toBe(3.5);
    expect(q.zasoby.counts).toEqual({ r1: { atut: 1, bariera: 1 }, r2: { atut: 0, bariera: 1 } });
    // Combined with a voivodeship; an unknown network matches no city.
    expect((await (await admin.get("/api/ankiety/sieci/wyniki?siec=siec-testowa&woj=pomorskie")).json()).responses).toBe(1);
    expect((await (await admin.get("/api/ankiety/sieci/wyniki?siec=nie-ma")).json()).responses).toBe(0);

    const page = await admin.html("/ankiety/sieci/wyniki?siec=siec-testowa");
    expect(page.html).toContain('<option value="siec-testowa" selected="">Sieć testowa</option>');
    expect(page.html).toContain('href="/ankiety/sieci/wyniki.xlsx?siec=siec-testowa"');
    expect(page.html).toContain(t.surveys.results.responses(2));
    const csv = await (await admin.get("/ankiety/sieci/wyniki.csv?siec=siec-testowa")).text();
    expect(csv.trim().split("\r\n")).toHaveLength(3);

    const res = await admin.get("/ankiety/sieci/wyniki.xlsx?siec=siec-testowa");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual([b.xlsx.responses, b.xlsx.summary]);
    const raw = book.getWorksheet(b.xlsx.responses)!;
    const rows = raw.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(0, 4)).toEqual([b.xlsx.city, b.xlsx.voivodeship, b.xlsx.size, "Udział?"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Gdańsk", "Poznań"]);
    expect(rows[2]).toContain("Temat A; Temat B");
    const sum = book.getWorksheet(b.xlsx.summary)!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const countOf = (question: string, answerLabel: string, row: string | null = null) => sum.find((r) => r[0] === question && r[2] === answerLabel && (r[1] ?? null) === row)?.[3];
    expect(countOf("Udział?", "Tak")).toBe(1);
    expect(countOf("Tematy?", "Temat A")).toBe(2);
    expect(countOf("Zasoby?", "Bariera", "Budżet")).toBe(1);
    expect(sum.find((r) => r[0] === "Ocena?" && r[2] === "5")?.[4]).toBe(3.5);

    // Same permission as the CSV: a member who has not answered cannot download an open survey's results.
    const member = await signedIn(app.url, "member");
    expect((await member.get("/ankiety/sieci/wyniki.xlsx")).status).toBe(403);
  });
});
