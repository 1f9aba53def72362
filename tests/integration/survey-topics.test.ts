// Issue 13, from answers to the agenda: staff merge similar open answers into one topic that keeps the cities of all
// of them and propose it like an option; a session made from a survey proposal keeps its backers and the published
// programme says how many cities asked for it. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, appendSession, createProposalMap, createSessionMap, readProposal } from "../../domain/agenda-doc.js";
import { t } from "../../domain/i18n/index.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

const RESULTS = "/ankiety/seminaria-2020/wyniki";

describe.each(await dialects())("survey topics merged from open answers on %s", (dialect) => {
  let app: TestServer;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestServer({ dialect });
    admin = await signedIn(app.url, "admin");
  });
  afterAll(async () => app?.stop());

  const topicRows = () => app.services.db.db.selectFrom("surveyTopics").select(["id", "label"]).execute();
  const openAnswers = async (): Promise<{ city: string; cityName: string; text: string }[]> => {
    const api = await (await admin.get("/api/ankiety/seminaria-2020/wyniki")).json();
    return api.questions.find((q: { id: string }) => q.id === "uwagi").answers;
  };

  it("staff merge open answers into a topic with all their cities; bad merges are refused and store nothing", async () => {
    const answers = await openAnswers();
    expect(answers.length).toBeGreaterThanOrEqual(3);
    const [a, b] = answers;

    // The results page offers each open answer to merge.
    const page = await admin.html(RESULTS);
    expect(page.html).toContain(t.surveys.merge.title);
    expect(page.html).toContain(`name="answer" value="${a.city}"`);

    // A city that gave no open answer cannot back the topic; an empty label is refused; a member may not merge.
    let res = await admin.post(RESULTS, { intent: "merge", question: "uwagi", label: "Mieszkania", answer: [a.city, "dzierzoniow"] });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(t.surveys.merge.errors.unknownAnswer);
    res = await admin.post(RESULTS, { intent: "merge", question: "uwagi", label: "  ", answer: [a.city] });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(t.surveys.merge.errors.label);
    res = await admin.post(RESULTS, { intent: "merge", question: "tematy", label: "Nie z tego pytania", answer: [a.city] });
    expect(res.status).toBe(400);
    const member = await signedIn(app.url, "member");
    expect((await member.post(RESULTS, { intent: "merge", question: "uwagi", label: "Mieszkania", answer: [a.city] })).status).toBe(403);
    expect(await topicRows()).toHaveLength(0);

    res = await admin.post(RESULTS, { intent: "merge", question: "uwagi", label: "Mieszkalnictwo i współpraca", area: "nieruchomosci", answer: [a.city, b.city, a.city] });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(t.surveys.merge.done("Mieszkalnictwo i współpraca", 2));
    const [topic] = await topicRows();
    expect(topic.label).toBe("Mieszkalnictwo i współpraca");

    // The topic is offered in the propose form beside the options, with its number of cities.
    const after = await admin.html(RESULTS);
    expect(after.html).toContain(`name="option" value="temat-${topic.id}"`);
    expect(after.html).toContain(`Mieszkalnictwo i współpraca (${t.surveys.results.cityCount(2)})`);
  });

  it("a merged topic is proposed like an option, with its backers, once; a session made from it keeps them and the published programme counts them", async () => {
    const [topic] = await topicRows();
    const answers = await openAnswers();
    const eventId = await createAgendaEvent(app.services.db);
    const event = (await app.services.events.byId(eventId))!;
    const api = await (await admin.get("/api/ankiety/seminaria-2020/wyniki")).json();
    const fundsBackers: string[] = api.questions.find((q: { id: string }) => q.id === "tematy").backers.fundusze;

    const ws = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await ws.synced;
    const proposals = () => agendaRoots(ws.doc).proposals.toArray().map((m) => readProposal(m));

    const optionId = `temat-${topic.id}`;
    const res = await admin.post(RESULTS, { intent: "propose", event: event.slug, option: [optionId, "fundusze"] });
    expect(res.status).toBe(200);
    await eventually(() => proposals().length === 2, "the open workspace receives the topic and the option");
    const merged = proposals().find((p) => p.source === `survey:seminaria-2020:${optionId}`)!;
    expect(merged.title).toBe("Mieszkalnictwo i współpraca");
    expect(merged.area).toBe("nieruchomosci");
    expect(merged.backers).toEqual([answers[0].city, answers[1].city].sort());
    expect(merged.backerNames).toEqual(expect.arrayContaining([answers[0].cityName, answers[1].cityName]));

    // Proposing the topic again adds nothing.
    await admin.post(RESULTS, { intent: "propose", event: event.slug, option: optionId });
    await new Promise((r) => setTimeout(r, 300));
    expect(proposals()).toHaveLength(2);

    // The moderator turns the option's proposal into a session, as the workspace's button does.
    const roots = agendaRoots(ws.doc);
    const index = roots.proposals.toArray().findIndex((m) => m.get("source") === "survey:seminaria-2020:fundusze");
    const funds = readProposal(roots.proposals.get(index));
    ws.doc.transact(() => {
      appendSession(ws.doc, createSessionMap({ title: funds.title, area: funds.area, kind: "discussion", description: funds.why, backers: funds.backers, backerNames: funds.backerNames }));
      roots.proposals.delete(index, 1);
    });
    await eventually(async () => (await app.services.agenda.current(eventId)).sessions.length === 1, "the server has the session");
    const [session] = (await app.services.agenda.current(eventId)).sessions;
    expect(session.backers).toEqual(fundsBackers);
    expect(session.backerNames).toHaveLength(fundsBackers.length);
    ws.destroy();

    // Published, the programme says how many cities asked for the session, in correct Polish.
    const moderator = await signedIn(app.url, "moderator");
    expect((await moderator.post(`/wydarzenia/${event.slug}/program`, { intent: "publish" })).status).toBe(200);
    const asked = t.agenda.published.askedBy(fundsBackers.length);
    expect(asked).toMatch(/^Temat zgłosił[oy] \d+ miast/);
    const visitor = await signedIn(app.url, null);
    const page = await visitor.html(`/wydarzenia/${event.slug}`);
    expect(page.html).toContain(asked);
    expect(await (await visitor.get(`/wydarzenia/${event.slug}/program.md`)).text()).toContain(asked);

    // Removing the topic leaves the proposal already made in the agenda.
    const del = await admin.post(RESULTS, { intent: "delete-topic", topic: String(topic.id) });
    expect(del.status).toBe(200);
    expect(await topicRows()).toHaveLength(0);
  });

  it("a co-designer can neither invent survey backing for a proposal nor change the cities of a survey proposal", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const event = (await app.services.events.byId(eventId))!;
    expect((await admin.post(RESULTS, { intent: "propose", event: event.slug, option: "dane" })).status).toBe(200);
    const member = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "member"));
    await member.synced;
    const { proposals } = agendaRoots(member.doc);
    await eventually(() => proposals.length === 1, "the member sees the survey proposal");
    const honest = readProposal(proposals.get(0));
    expect(honest.backers?.length).toBeGreaterThan(0);

    // A proposal of her own dressed up as coming from the survey, and the survey proposal's cities rewritten.
    const forged = createProposalMap({ title: "Nasz temat", why: "", area: "", city: "Dzierżoniów", authorId: 0, authorName: "" });
    forged.set("source", "survey:seminaria-2020:nasz");
    forged.set("backers", ["poznan", "gdansk", "lodz"]);
    forged.set("backerNames", ["Poznań", "Gdańsk", "Łódź"]);
    member.doc.transact(() => {
      proposals.push([forged]);
      proposals.get(0).set("backers", ["dzierzoniow"]);
      proposals.get(0).set("backerNames", ["Dzierżoniów"]);
    });

    await eventually(() => {
      const [survey, own] = proposals.toArray().map(readProposal);
      return own !== undefined && own.source === undefined && own.backers === undefined && JSON.stringify(survey.backers) === JSON.stringify(honest.backers);
    }, "the server puts the survey fields back as they were");
    // What another client gets from the server agrees.
    const other = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await other.synced;
    const stored = agendaRoots(other.doc).proposals.toArray().map(readProposal);
    expect(stored.map((p) => p.source)).toEqual(["survey:seminaria-2020:dane", undefined]);
    expect(stored[0].backerNames).toEqual(honest.backerNames);
    other.destroy();
    member.destroy();
  });
});
