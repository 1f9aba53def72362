import * as Y from "yjs";
import { agendaRoots } from "../../domain/agenda-doc.js";

/** Who wrote a transaction, from the connection's session. */
export type GuardUser = { id: number; name: string; city: string };

const AUTHOR_FIELDS = ["authorId", "authorName", "city"] as const;
type AuthorField = (typeof AUTHOR_FIELDS)[number];

// A proposal the server made from a survey (issue 13): where it came from and the cities that asked for it.
const SURVEY_FIELDS = ["source", "backers", "backerNames"] as const;
type SurveyField = (typeof SURVEY_FIELDS)[number];
type SurveyMark = Record<SurveyField, string | undefined>; // JSON of each value, undefined when absent

type Entry = { id: string; votes: Map<string, unknown>; author: Record<AuthorField, unknown>; survey: SurveyMark };
// The last accepted state: every proposal map with what it held, and the same entries by proposal id.
type Shadow = { budget: unknown; maps: ReadonlyMap<Y.Map<unknown>, Entry>; byId: ReadonlyMap<string, Entry> };

const idOf = (p: Y.Map<unknown>) => String(p.get("id"));

function entryOf(p: Y.Map<unknown>, id = idOf(p)): Entry {
  const v = p.get("votes");
  return {
    id,
    votes: new Map(v instanceof Y.Map ? [...v.entries()] : []),
    author: { authorId: p.get("authorId"), authorName: p.get("authorName"), city: p.get("city") },
    survey: surveyMarkOf(p),
  };
}

function surveyMarkOf(p: Y.Map<unknown>): SurveyMark {
  const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
  return { source: json(p.get("source")), backers: json(p.get("backers")), backerNames: json(p.get("backerNames")) };
}

// Root types are looked up, never created: a document without proposals (a network's notes, an agenda nobody proposed
// to yet) gets no extra root types from the guard, which live as long as the document is open.
function root(doc: Y.Doc, name: "proposals" | "meta"): Y.AbstractType<Y.YEvent<any>> | undefined {
  return doc.share.get(name);
}

function proposalMaps(doc: Y.Doc): Y.Map<unknown>[] {
  if (!root(doc, "proposals")) return [];
  return agendaRoots(doc)
    .proposals.toArray()
    .filter((p): p is Y.Map<unknown> => p instanceof Y.Map);
}

const budgetOf = (doc: Y.Doc): unknown => (root(doc, "meta") ? doc.getMap<unknown>("meta").get("dotsBudget") : undefined);
const NO_ENTRIES: ReadonlyMap<never, never> = new Map<never, never>();

function snapshot(doc: Y.Doc): Shadow {
  const all = proposalMaps(doc);
  if (all.length === 0) return { budget: budgetOf(doc), maps: NO_ENTRIES, byId: NO_ENTRIES };
  const maps = new Map<Y.Map<unknown>, Entry>();
  const byId = new Map<string, Entry>();
  for (const p of all) {
    const e = entryOf(p);
    maps.set(p, e);
    if (!byId.has(e.id)) byId.set(e.id, e);
  }
  return { budget: budgetOf(doc), maps, byId };
}

/**
 * The shadow of a transaction accepted without fixes: what the check just read (each kept proposal's votes and survey
 * mark), so an accepted vote does not read and copy every proposal a second time. Equal to snapshot(doc) then: no
 * fixes means every proposal kept its id, author and survey mark, and the budget did not change.
 */
function acceptedAs(all: Y.Map<unknown>[], shadow: Shadow, votes: Map<Y.Map<unknown>, Map<string, unknown>>, marks: Map<Y.Map<unknown>, SurveyMark>): Shadow {
  const budget = shadow.budget;
  if (all.length === 0) return { budget, maps: NO_ENTRIES, byId: NO_ENTRIES };
  const maps = new Map<Y.Map<unknown>, Entry>();
  const byId = new Map<string, Entry>();
  for (const p of all) {
    const id = idOf(p);
    const read = votes.get(p);
    const known = shadow.maps.get(p);
    // Untouched by the transaction (the check kept its accepted votes): the accepted entry itself.
    const e: Entry =
      known && read === known.votes && known.id === id
        ? known
        : read
          ? { id, votes: read, author: { authorId: p.get("authorId"), authorName: p.get("authorName"), city: p.get("city") }, survey: marks.get(p) ?? surveyMarkOf(p) }
          : entryOf(p, id);
    maps.set(p, e);
    if (!byId.has(id)) byId.set(id, e);
  }
  return { budget, maps, byId };
}

// Yjs keys tr.changed by its untyped base type.
const changedIn = (tr: Y.Transaction, type: Y.AbstractType<any>): boolean => tr.changed.has(type);

const validDots = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

type Fix =
  | { kind: "vote"; map: Y.Map<unknown>; voter: string; value: unknown }
  | { kind: "field"; map: Y.Map<unknown>; key: string; value: unknown }
  | { kind: "votesMap"; map: Y.Map<unknown>; votes: Map<string, unknown> }
  | { kind: "drop"; map: Y.Map<unknown> };

/**
 * Dot voting is the one part of the agenda that is not free collaboration: each person spends only their own dots,
 * within the moderator's budget, and only the server sets the budget. A proposal's id and author (`authorId`,
 * `authorName`, `city`) are the server's too: set from the session of the connection that adds it, never changed
 * afterwards, and one proposal per id (a copy under an existing id would show its votes twice). Yjs lets any editor
 * write anywhere, so every transaction from a connection that touches proposals or the budget is checked against
 * the last accepted state, and offending values are written back (as a server change every client receives).
 * Returns a detach function.
 */
export function guardVotes(doc: Y.Doc, opts: GuardOptions): () => void {
  const guard = new VoteGuard(doc, opts);
  doc.on("afterTransaction", guard.listener);
  return () => doc.off("afterTransaction", guard.listener);
}

type GuardOptions = { userOf: (origin: unknown) => GuardUser | null; onViolation: (userId: number, what: string) => void };

// A class rather than closures: one guard lives as long as its document, and under tsx every named closure also
// carries its own `name` property (~200 bytes per closure per open document).
class VoteGuard {
  private shadow: Shadow;
  // Survey marks ever accepted per proposal id while the document is loaded: a survey proposal deleted and brought
  // back (undo of "move to the programme", a restore) may carry its mark again; nobody can invent one. Created only
  // when a document holds a survey proposal.
  private surveyMarks: Map<string, SurveyMark> | undefined;
  readonly listener: (tr: Y.Transaction) => void;

  constructor(
    private readonly doc: Y.Doc,
    private readonly opts: GuardOptions,
  ) {
    this.shadow = snapshot(doc);
    this.remember();
    this.listener = (tr) => this.check(tr);
  }

  private accept(shadow: Shadow): void {
    this.shadow = shadow;
    this.remember();
  }

  private remember(): void {
    for (const e of this.shadow.byId.values()) if (e.survey.source !== undefined) (this.surveyMarks ??= new Map()).set(e.id, e.survey);
  }

  private touchesVotes(tr: Y.Transaction): boolean {
    const proposals = root(this.doc, "proposals");
    const meta = root(this.doc, "meta");
    if (!proposals && !meta) return false;
    for (const type of tr.changed.keys()) {
      if (type === meta || type === proposals) return true;
      if (proposals && type._item && Y.isParentOf(proposals, type._item)) return true;
    }
    return false;
  }

  private check(tr: Y.Transaction): void {
    const { doc, opts } = this;
    const shadow = this.shadow;
    if (!this.touchesVotes(tr)) return;
    const user = opts.userOf(tr.origin);
    if (user === null) {
      this.accept(snapshot(doc)); // loaded, relayed from another instance, or written by the server: trusted
      return;
    }
    const me = String(user.id);
    const fixes: Fix[] = [];
    const violations = new Set<string>();
    const budgetChanged = budgetOf(doc) !== shadow.budget;
    if (budgetChanged) violations.add("budget");

    // Which map speaks for each id: the one accepted before (its id put back if it was changed), else the first new
    // one. Every other map carrying that id is a copy and is removed with its votes.
    const kept = new Map<string, Y.Map<unknown>>();
    const all = proposalMaps(doc);
    for (const p of all) {
      const known = shadow.maps.get(p);
      if (!known) continue;
      if (idOf(p) !== known.id) {
        fixes.push({ kind: "field", map: p, key: "id", value: known.id });
        violations.add("proposal id");
      }
      if (!kept.has(known.id)) kept.set(known.id, p);
    }
    for (const p of all) {
      if (shadow.maps.has(p)) continue;
      const id = idOf(p);
      if (kept.has(id)) {
        fixes.push({ kind: "drop", map: p });
        violations.add("duplicate proposal");
      } else kept.set(id, p);
    }

    let mine = 0;
    let mineValid = true;
    const nowVotes = new Map<Y.Map<unknown>, Map<string, unknown>>();
    const nowMarks = new Map<Y.Map<unknown>, SurveyMark>();
    for (const [id, p] of kept) {
      const before = shadow.byId.get(id);
      const votesType = p.get("votes");
      // A proposal this transaction did not touch (neither its fields nor its votes map: Yjs records every type that
      // existed before the transaction and changed in it) still holds what was accepted; only its owner's dots count.
      // Without this, each vote re-read and copied every proposal's votes: O(proposals × voters) per dot.
      if (before && shadow.maps.get(p) === before && votesType instanceof Y.Map && !changedIn(tr, p) && !changedIn(tr, votesType)) {
        nowVotes.set(p, before.votes);
        nowMarks.set(p, before.survey);
        const dots = before.votes.get(me);
        if (dots !== undefined) {
          if (!validDots(dots)) mineValid = false;
          else mine += dots;
        }
        continue;
      }
      const now = new Map(votesType instanceof Y.Map ? [...votesType.entries()] : []);
      nowVotes.set(p, now);
      if (!(votesType instanceof Y.Map)) {
        fixes.push({ kind: "votesMap", map: p, votes: before?.votes ?? new Map() });
        violations.add("votes replaced");
      }
      for (const voter of new Set([...now.keys(), ...(before?.votes.keys() ?? [])])) {
        if (voter === me) continue;
        const was = before?.votes.get(voter);
        if (now.get(voter) !== was) {
          fixes.push({ kind: "vote", map: p, voter, value: was });
          violations.add("others' votes");
        }
      }
      const dots = now.get(me);
      if (dots !== undefined) {
        if (!validDots(dots)) mineValid = false;
        else mine += dots;
      }
      // Authorship: kept as accepted for a known id; from the session for a new one (silently, the form sends it).
      const author: Record<AuthorField, unknown> = before?.author ?? { authorId: user.id, authorName: user.name, city: user.city };
      for (const key of AUTHOR_FIELDS) {
        if (p.get(key) === author[key]) continue;
        fixes.push({ kind: "field", map: p, key, value: author[key] });
        if (before || (key === "authorId" && p.get(key) !== user.id)) violations.add("author");
      }
      // Survey source and backers are the server's: kept as accepted, absent on a proposal a person adds.
      const mark = before?.survey ?? this.surveyMarks?.get(id);
      const has = surveyMarkOf(p);
      nowMarks.set(p, has);
      for (const key of SURVEY_FIELDS) {
        const want = mark?.[key];
        if (has[key] === want) continue;
        fixes.push({ kind: "field", map: p, key, value: want === undefined ? undefined : JSON.parse(want) });
        violations.add("survey source");
      }
    }
    const budget = typeof shadow.budget === "number" ? shadow.budget : Infinity;
    if (!mineValid || mine > budget) {
      violations.add("over budget");
      for (const [id, p] of kept) {
        const before = shadow.byId.get(id)?.votes.get(me);
        if (nowVotes.get(p)?.get(me) !== before) fixes.push({ kind: "vote", map: p, voter: me, value: before });
      }
    }
    if (!budgetChanged && fixes.length === 0) {
      this.accept(acceptedAs(all, shadow, nowVotes, nowMarks));
      return;
    }
    if (violations.size) opts.onViolation(user.id, [...violations].join(", "));
    const acceptedBudget = shadow.budget;
    // Written after this transaction has finished, as the server's own change.
    queueMicrotask(() => {
      const { proposals, meta } = agendaRoots(doc);
      doc.transact(() => {
        if (budgetChanged) {
          if (acceptedBudget === undefined) meta.delete("dotsBudget");
          else meta.set("dotsBudget", acceptedBudget);
        }
        for (const f of fixes) applyFix(proposals, f);
      }, "server");
    });
  }
}

function applyFix(proposals: Y.Array<Y.Map<unknown>>, f: Fix): void {
  if (f.kind === "drop") {
    const index = proposals.toArray().indexOf(f.map);
    if (index >= 0) proposals.delete(index, 1);
    return;
  }
  if (f.kind === "field") {
    if (f.value === undefined) f.map.delete(f.key);
    else f.map.set(f.key, f.value);
    return;
  }
  if (f.kind === "votesMap") {
    f.map.set("votes", new Y.Map<unknown>([...f.votes.entries()]));
    return;
  }
  const votes = f.map.get("votes");
  if (!(votes instanceof Y.Map)) return; // replaced wholesale: the votesMap fix writes the accepted values
  if (f.value === undefined) votes.delete(f.voter);
  else votes.set(f.voter, f.value);
}
