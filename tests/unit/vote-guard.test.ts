import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { agendaRoots, createProposalMap } from "../../domain/agenda-doc.js";
import { guardVotes, type GuardUser } from "../../server/agenda/vote-guard.js";

type Origin = { user: GuardUser };
const person = (id: number): Origin => ({ user: { id, name: `Osoba ${id}`, city: "Kalisz" } });
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

// An accepted vote becomes the state later changes are checked against (it is kept from what the check read, not
// read again): someone else's change to it, a vote over the budget and a changed author are all put back to it.
describe("the vote guard after accepted votes", () => {
  it("checks every later change against the votes it accepted", async () => {
    const doc = new Y.Doc();
    const refused: string[] = [];
    guardVotes(doc, { userOf: (o) => (o && typeof o === "object" && "user" in o ? (o as Origin).user : null), onViolation: (_id, what) => refused.push(what) });
    const { proposals, meta } = agendaRoots(doc);
    doc.transact(() => {
      meta.set("dotsBudget", 3);
      for (const id of [1, 2]) proposals.push([createProposalMap({ title: `Temat ${id}`, why: "", area: "", city: "Kalisz", authorId: id, authorName: `Osoba ${id}` })]);
    }, "load");
    const votes = (i: number) => proposals.get(i).get("votes") as Y.Map<number>;

    doc.transact(() => votes(0).set("1", 2), person(1));
    await settle();
    expect(votes(0).get("1")).toBe(2);
    expect(refused).toEqual([]);

    doc.transact(() => votes(0).set("1", 0), person(2));
    await settle();
    expect(votes(0).get("1")).toBe(2);

    doc.transact(() => votes(1).set("1", 2), person(1));
    await settle();
    expect([votes(0).get("1"), votes(1).get("1")]).toEqual([2, undefined]);

    doc.transact(() => votes(1).set("1", 1), person(1));
    await settle();
    doc.transact(() => proposals.get(0).set("authorName", "Ktoś inny"), person(1));
    await settle();
    expect([votes(0).get("1"), votes(1).get("1"), proposals.get(0).get("authorName")]).toEqual([2, 1, "Osoba 1"]);
    expect(refused).toEqual(["others' votes", "over budget", "author"]);
  });
});
