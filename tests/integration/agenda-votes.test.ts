import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createProposalMap, dotsSpent } from "../../domain/agenda-doc.js";
import { findUserByEmail } from "../../db/repositories/users.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually, type AgendaClient } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

let app: TestServer;
const clients: AgendaClient[] = [];
beforeAll(async () => {
  app = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await app?.stop();
});

const votesOf = (doc: Y.Doc, i: number) => Object.fromEntries((agendaRoots(doc).proposals.get(i).get("votes") as Y.Map<number>).entries());

describe("dot voting is checked by the server", () => {
  it("keeps people to their own dots and the moderator's budget, whatever a client writes", async () => {
    const eventId = await createAgendaEvent(app.services.db);
    const member = (await findUserByEmail(app.services.db.db, "member@frl.test"))!;
    const kalisz = (await findUserByEmail(app.services.db.db, "kalisz@frl.test"))!;
    const a = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "member"));
    const b = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, null, "kalisz@frl.test"));
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    // The budget (5 by default) is in the document from the start.
    expect(agendaRoots(a.doc).meta.get("dotsBudget")).toBe(5);

    const { proposals, meta } = agendaRoots(a.doc);
    proposals.push([createProposalMap({ title: "Retencja", why: "Susze", area: "srodowisko-klimat", city: "Dzierżoniów", authorId: member.id, authorName: "Maria" })]);
    proposals.push([createProposalMap({ title: "Mieszkania", why: "Młodzi wyjeżdżają", area: "nieruchomosci", city: "Dzierżoniów", authorId: member.id, authorName: "Maria" })]);
    await eventually(() => agendaRoots(b.doc).proposals.length === 2, "B sees both proposals");

    // Honest votes within the budget stay.
    (agendaRoots(b.doc).proposals.get(0).get("votes") as Y.Map<number>).set(String(kalisz.id), 3);
    (proposals.get(0).get("votes") as Y.Map<number>).set(String(member.id), 2);
    await eventually(() => dotsSpent(a.doc, kalisz.id) === 3 && dotsSpent(b.doc, member.id) === 2, "both votes arrive");

    // A modified client: spends 4 more (6 > 5), moves B's dots, and raises the budget.
    a.doc.transact(() => (proposals.get(1).get("votes") as Y.Map<number>).set(String(member.id), 4));
    a.doc.transact(() => (proposals.get(0).get("votes") as Y.Map<number>).set(String(kalisz.id), 0));
    a.doc.transact(() => meta.set("dotsBudget", 100));

    for (const doc of [a.doc, b.doc]) {
      await eventually(
        () => dotsSpent(doc, member.id) === 2 && dotsSpent(doc, kalisz.id) === 3 && agendaRoots(doc).meta.get("dotsBudget") === 5,
        "the server wrote the accepted values back",
      );
    }
    expect(votesOf(b.doc, 0)).toEqual({ [String(kalisz.id)]: 3, [String(member.id)]: 2 });
    expect(votesOf(b.doc, 1)).toEqual({});
    const server = await app.services.agenda.current(eventId);
    expect(server.sessions).toEqual([]);
  });
});
