// Issue 13: from answers to the agenda. Staff propose topic options from the results page; each becomes one proposal
// in the event's agenda document, written by the server, received live by an open workspace, with its source and the
// backing cities; proposing again adds nothing. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, readProposal } from "../../domain/agenda-doc.js";
import { t } from "../../domain/i18n/index.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

describe.each(await dialects())("survey topics into the agenda on %s", (dialect) => {
  let app: TestServer;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestServer({ dialect });
    admin = await signedIn(app.url, "admin");
  });
  afterAll(async () => app?.stop());

  it("the results page shows charts with tables; proposing writes one live proposal per option with its backers, once", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const event = (await app.services.events.byId(eventId))!;
    const page = await admin.html("/ankiety/seminaria-2020/wyniki");
    expect(page.status).toBe(200);
    expect(page.html).toContain("<svg");
    expect(page.html).toContain(t.surveys.results.tableOf("Jaka forma seminariów najbardziej Państwu odpowiada?"));

    const api = await (await admin.get("/api/ankiety/seminaria-2020/wyniki")).json();
    const fundsBackers: string[] = api.questions.find((q: { id: string }) => q.id === "tematy").backers.fundusze;

    const ws = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
    await ws.synced;
    const proposals = () => agendaRoots(ws.doc).proposals.toArray().map((m) => ({ ...readProposal(m), backers: m.get("backers") }));

    const res = await admin.post("/ankiety/seminaria-2020/wyniki", { intent: "propose", event: event.slug, option: ["fundusze", "adaptacja"] });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(t.surveys.propose.done(2, 0).replace(/\.$/, ""));
    await eventually(() => proposals().length === 2, "the open workspace receives both proposals");
    const funds = proposals().find((p) => p.source === "survey:seminaria-2020:fundusze")!;
    expect(funds.title).toBe("Fundusze europejskie 2021–2027");
    expect(funds.area).toBe("finanse");
    expect(funds.backers).toEqual(fundsBackers);
    expect(funds.backerNames).toHaveLength(fundsBackers.length);

    // Again, with one new option: only the new one is added.
    await admin.post("/ankiety/seminaria-2020/wyniki", { intent: "propose", event: event.slug, option: ["fundusze", "dane"] });
    await eventually(() => proposals().length === 3, "the new option arrives");
    await new Promise((r) => setTimeout(r, 300));
    expect(proposals().filter((p) => p.source === "survey:seminaria-2020:fundusze")).toHaveLength(1);
    ws.destroy();

    // A member may neither see results of an open survey nor propose.
    const member = await signedIn(app.url, "member");
    expect((await member.get("/ankiety/seminaria-2020/wyniki")).status).toBe(403);
    expect((await member.post("/ankiety/seminaria-2020/wyniki", { intent: "propose", event: event.slug, option: "dane" })).status).toBe(403);
  });

  it("CSV export lists each responding city with option labels", async () => {
    const res = await admin.get("/ankiety/seminaria-2020/wyniki.csv?woj=wielkopolskie");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    expect(text).toContain("Poznań,wielkopolskie");
    expect(text).not.toContain("Gdańsk");
  });
});
