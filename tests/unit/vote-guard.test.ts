import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { agendaRoots, createProposalMap } from "../../domain/agenda-doc.js";
import { guardVotes, type GuardUser } from "../../server/agenda/vote-guard.js";

type Origin = { user: GuardUser };
const person = (id: number): Origin => ({ user: { id, name: `Osoba ${id}`, city: "Kalisz" } });
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

/** A guarded document loaded with a budget and one proposal per author id; `refused` collects what was put back. */
function guardedDoc(budget: number, authors: number[]) {
  const doc = new Y.Doc();
  const refused: string[] = [];
  guardVotes(doc, { userOf: (o) => (o && typeof o === "object" && "user" in o ? (o as Origin).user : null), onViolation: (_id, what) => refused.push(what) });
  const { proposals, meta } = agendaRoots(doc);
  doc.transact(() => {
    meta.set("dotsBudget", budget);
    for (const id of authors) proposals.push([createProposalMap({ title: `Temat ${id}`, why: "", area: "", city: "Kalisz", authorId: id, authorName: `Osoba ${id}` })]);
  }, "load");
  const votes = (i: number) => proposals.get(i).get("votes") as Y.Map<number>;
  return { doc, refused, proposals, votes };
}

// An accepted vote becomes the state later changes are checked against (it is kept from what the check read, not
// read again): someone else's change to it, a vote over the budget and a changed author are all put back to it.
describe("the vote guard after accepted votes", () => {
  it("checks every later change against the votes it accepted", async () => {
    const { doc, refused, proposals, votes } = guardedDoc(3, [1, 2]);

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

  // A vote is checked against only the proposals its transaction touched; the others keep the state accepted for them,
  // so that state must still be right many votes later: a change to one of them is put back to it.
  it("keeps proposals nobody touched as accepted while votes go elsewhere", async () => {
    const { doc, refused, votes } = guardedDoc(5, [1, 2, 3]);
    doc.transact(() => votes(0).set("1", 2), person(1));
    for (let n = 1; n <= 3; n++) {
      doc.transact(() => votes(1).set("2", n), person(2));
      await settle();
    }
    doc.transact(() => votes(2).set("1", 3), person(1));
    await settle();
    // Person 1 has 2 + 3 of 5 dots: one more anywhere is over the budget, counted with the untouched proposal.
    doc.transact(() => votes(1).set("1", 1), person(1));
    await settle();
    // Someone else takes person 1's dots off the first proposal, untouched since it was accepted.
    doc.transact(() => votes(0).delete("1"), person(3));
    await settle();
    expect([votes(0).get("1"), votes(1).get("1"), votes(1).get("2"), votes(2).get("1")]).toEqual([2, undefined, 3, 3]);
    expect(refused).toEqual(["over budget", "others' votes"]);
  });
});
