import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { agendaRoots, appendSession, createSessionMap, extractAgenda, moveSessionTo } from "../../domain/agenda-doc.js";

/** Two replicas of one document, synced both ways. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

const titles = (doc: Y.Doc) => extractAgenda(doc).sessions.map((s) => s.title);

describe("reordering agenda blocks", () => {
  it("keeps what someone types into a block while another person moves it", () => {
    const { a, b, sync } = pair();
    for (const title of ["Otwarcie", "Panel", "Warsztat"]) a.transact(() => appendSession(a, createSessionMap({ id: title, title })));
    sync();
    a.transact(() => moveSessionTo(a, 0, 2)); // A moves "Otwarcie" to the end…
    const opening = agendaRoots(b).sessions.toArray().find((m) => m.get("id") === "Otwarcie")!;
    b.transact(() => opening.set("title", "Otwarcie seminarium")); // …while B renames it
    sync();
    for (const doc of [a, b]) expect(titles(doc)).toEqual(["Panel", "Warsztat", "Otwarcie seminarium"]);
  });

  it("never duplicates a block that two people move at the same time", () => {
    const { a, b, sync } = pair();
    for (const title of ["1", "2", "3", "4"]) a.transact(() => appendSession(a, createSessionMap({ id: title, title })));
    sync();
    a.transact(() => moveSessionTo(a, 0, 3));
    b.transact(() => moveSessionTo(b, 0, 1));
    sync();
    expect(titles(a)).toEqual(titles(b));
    expect([...titles(a)].sort()).toEqual(["1", "2", "3", "4"]);
  });

  it("orders blocks from older documents (no order keys) by position, then moves them", () => {
    const doc = new Y.Doc();
    agendaRoots(doc).sessions.push(["A", "B", "C"].map((title) => createSessionMap({ id: title, title })));
    expect(titles(doc)).toEqual(["A", "B", "C"]);
    doc.transact(() => moveSessionTo(doc, 2, 0));
    expect(titles(doc)).toEqual(["C", "A", "B"]);
    doc.transact(() => appendSession(doc, createSessionMap({ id: "D", title: "D" })));
    expect(titles(doc)).toEqual(["C", "A", "B", "D"]);
  });
});
