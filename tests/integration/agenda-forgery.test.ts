// A modified client writing straight into the agenda document: forged dot votes, duplicated proposals, borrowed
// authorship and hijacked presence. Honest edits in the same document must still go through. Runs on SQLite and
// PostgreSQL, where the document is stored.
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaRoots, createProposalMap, readProposal, replaceContent } from "../../domain/agenda-doc.js";
import { findUserByEmail } from "../../db/repositories/users.js";
import { dialects } from "../setup/dialects.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { connectAgenda, cookieOf, eventually, type AgendaClient } from "./agenda-clients.js";
import { createAgendaEvent } from "./agenda-fixtures.js";

// One server per dialect; the helpers below use the one of the suite running.
let app: TestServer;
const clients: AgendaClient[] = [];

const proposalsOf = (doc: Y.Doc) => agendaRoots(doc).proposals.toArray().map(readProposal);
const totalDots = (doc: Y.Doc) => proposalsOf(doc).reduce((sum, p) => sum + p.total, 0);

async function twoEditors() {
  const eventId = await createAgendaEvent(app.services.db);
  const member = (await findUserByEmail(app.services.db.db, "member@frl.test"))!;
  const kalisz = (await findUserByEmail(app.services.db.db, "kalisz@frl.test"))!;
  const a = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "member"));
  const b = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, null, "kalisz@frl.test"));
  clients.push(a, b);
  await Promise.all([a.synced, b.synced]);
  return { eventId, member, kalisz, a, b };
}

describe.each(await dialects())("forged agenda edits (%s)", (dialect) => {
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await app?.stop();
  });

  describe("the agenda document refuses forged votes and authors", () => {
    it("drops a copied proposal with an existing id and restores votes changed for others in the same transaction", async () => {
      const { eventId, member, kalisz, a, b } = await twoEditors();
      // Kalisz proposes a topic; both spend dots on it honestly.
      agendaRoots(b.doc).proposals.push([createProposalMap({ title: "Retencja", why: "Susze", area: "", city: "Kalisz", authorId: kalisz.id, authorName: "Piotr Kaliski" })]);
      await eventually(() => agendaRoots(a.doc).proposals.length === 1, "A sees the proposal");
      (agendaRoots(b.doc).proposals.get(0).get("votes") as Y.Map<number>).set(String(kalisz.id), 3);
      (agendaRoots(a.doc).proposals.get(0).get("votes") as Y.Map<number>).set(String(member.id), 2);
      await eventually(() => totalDots(a.doc) === 5 && totalDots(b.doc) === 5, "both votes arrive");
      const original = proposalsOf(b.doc)[0];

      // The modified client, in one transaction: a second map with the same id and the copied votes (one list entry
      // more, twice the dots), and Kalisz's dots on the original moved to zero.
      const { proposals } = agendaRoots(a.doc);
      a.doc.transact(() => {
        const copy = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(original)) if (k !== "votes" && k !== "total") copy.set(k, v);
        copy.set("votes", new Y.Map<number>(Object.entries(original.votes)));
        proposals.insert(0, [copy]);
        (proposals.get(1).get("votes") as Y.Map<number>).set(String(kalisz.id), 0);
      });

      for (const doc of [a.doc, b.doc]) {
        await eventually(() => agendaRoots(doc).proposals.length === 1 && totalDots(doc) === 5, "the copy is gone and the dots are back");
        expect(proposalsOf(doc)[0].votes).toEqual({ [String(kalisz.id)]: 3, [String(member.id)]: 2 });
      }
      // The server's own document (what is stored) agrees.
      const c = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
      clients.push(c);
      await c.synced;
      expect(proposalsOf(c.doc).map((p) => p.total)).toEqual([5]);
    });

    it("sets a proposal's author from the session and keeps it, while honest proposals and votes go through", async () => {
      const { member, kalisz, a, b } = await twoEditors();
      // Kalisz's own proposal and vote: untouched.
      agendaRoots(b.doc).proposals.push([createProposalMap({ title: "Mieszkania", why: "Młodzi wyjeżdżają", area: "", city: "Kalisz", authorId: kalisz.id, authorName: "Piotr Kaliski" })]);
      await eventually(() => agendaRoots(a.doc).proposals.length === 1, "A sees Kalisz's proposal");
      (agendaRoots(b.doc).proposals.get(0).get("votes") as Y.Map<number>).set(String(kalisz.id), 1);

      // Member writes a proposal signed as Kalisz, and rewrites the author of Kalisz's proposal to herself.
      const { proposals } = agendaRoots(a.doc);
      proposals.push([createProposalMap({ title: "Kalisz chce likwidacji parków", why: "", area: "", city: "Kalisz", authorId: kalisz.id, authorName: "Piotr Kaliski" })]);
      a.doc.transact(() => {
        const theirs = proposals.get(0);
        theirs.set("authorId", member.id);
        theirs.set("authorName", "Maria Członkini");
        theirs.set("city", "Dzierżoniów");
      });

      for (const doc of [a.doc, b.doc]) {
        await eventually(() => {
          const [theirs, forged] = proposalsOf(doc);
          return theirs?.authorId === kalisz.id && forged?.authorId === member.id;
        }, "authors follow the sessions");
        const [theirs, forged] = proposalsOf(doc);
        expect(theirs).toMatchObject({ title: "Mieszkania", authorId: kalisz.id, authorName: "Piotr Kaliski", city: "Kalisz", votes: { [String(kalisz.id)]: 1 } });
        expect(forged).toMatchObject({ title: "Kalisz chce likwidacji parków", authorId: member.id, authorName: "Maria Członkini", city: "Dzierżoniów" });
      }
    });
  });

  describe("honest whole-document edits still go through", () => {
    it("a moderator's restore (all proposals deleted and re-inserted) keeps their authors and votes", async () => {
      const { eventId, member, kalisz, a, b } = await twoEditors();
      agendaRoots(b.doc).proposals.push([createProposalMap({ title: "Mieszkania", why: "", area: "", city: "Kalisz", authorId: kalisz.id, authorName: "Piotr Kaliski" })]);
      await eventually(() => agendaRoots(a.doc).proposals.length === 1, "A sees the proposal");
      (agendaRoots(a.doc).proposals.get(0).get("votes") as Y.Map<number>).set(String(member.id), 2);
      const mod = connectAgenda(app.url, `agenda:${eventId}`, await cookieOf(app.url, "moderator"));
      clients.push(mod);
      await mod.synced;
      await eventually(() => totalDots(mod.doc) === 2, "the moderator sees the vote");
      const old = new Y.Doc();
      Y.applyUpdate(old, Y.encodeStateAsUpdate(mod.doc));
      replaceContent(mod.doc, old, "restore");
      await new Promise((r) => setTimeout(r, 300));
      for (const doc of [a.doc, b.doc, mod.doc]) {
        await eventually(() => agendaRoots(doc).proposals.length === 1, "one proposal");
        expect(proposalsOf(doc)[0]).toMatchObject({ title: "Mieszkania", authorId: kalisz.id, authorName: "Piotr Kaliski", city: "Kalisz", votes: { [String(member.id)]: 2 } });
      }
    });
  });

  describe("presence on /collab belongs to the connection that created it", () => {
    it("drops awareness updates for another connection's client id", async () => {
      const { member, a, b } = await twoEditors();
      a.provider.awareness.setLocalState({ user: { id: member.id, name: "Maria Członkini", city: "Dzierżoniów", color: "#123456" }, editing: "notes" });
      const aId = a.doc.clientID;
      await eventually(() => (b.provider.awareness.getStates().get(aId) as { editing?: string } | undefined)?.editing === "notes", "B sees A's presence");

      // B speaks for A's client id: a newer state (taking over A's caret), then a removal.
      const forge = (state: unknown, clock: number) => {
        const update = encoding.createEncoder();
        encoding.writeVarUint(update, 1);
        encoding.writeVarUint(update, aId);
        encoding.writeVarUint(update, clock);
        encoding.writeVarString(update, JSON.stringify(state));
        const message = encoding.createEncoder();
        encoding.writeVarUint(message, 1); // awareness
        encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
        b.provider.ws!.send(encoding.toUint8Array(message));
      };
      const clock = (b.provider.awareness.meta.get(aId)?.clock ?? 0) + 10;
      forge({ user: { id: member.id, name: "Maria Członkini", city: "Dzierżoniów", color: "#000000" }, editing: "hijacked" }, clock);
      forge(null, clock + 1);
      // A marker from B's own client id, sent after the forgeries on the same socket: once A sees it, they were handled.
      b.provider.awareness.setLocalStateField("editing", "marker");
      await eventually(() => (a.provider.awareness.getStates().get(b.doc.clientID) as { editing?: string } | undefined)?.editing === "marker", "A sees B's marker");

      const seenByB = b.provider.awareness.getStates().get(aId) as { editing?: string; user?: { color?: string } } | undefined;
      expect(seenByB?.editing).toBe("notes");
      expect(seenByB?.user?.color).toBe("#123456");
      // A third person joining now sees A as A left it.
      const c = connectAgenda(app.url, a.provider.roomname, await cookieOf(app.url, "moderator"));
      clients.push(c);
      await eventually(() => (c.provider.awareness.getStates().get(aId) as { editing?: string } | undefined)?.editing === "notes", "C sees A's real presence");
    });
  });
});
