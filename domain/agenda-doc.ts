// The agenda document's structure, shared by the browser workspace and the server (publish, render, bench).
// Pure Yjs: no DOM, no React, so it runs in Node and in the browser bundle alike.
import * as Y from "yjs";

export const SESSION_KINDS = ["keynote", "panel", "workshop", "discussion", "break"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export type Speaker = { name: string; affiliation: string };

/** Plain view of one session block (the description is rendered to HTML). */
export type AgendaSession = {
  id: string;
  start: string;
  end: string;
  title: string;
  kind: SessionKind;
  descriptionHtml: string;
  speakers: Speaker[];
  area: string;
  libraryItemIds: number[];
  /** Slugs of the cities that asked for the topic in a survey, kept from the proposal the session was made from. */
  backers?: string[];
  /** Their names, for the workspace. */
  backerNames?: string[];
};

export type AgendaProposal = {
  id: string;
  title: string;
  why: string;
  area: string;
  city: string;
  authorId: number;
  authorName: string;
  votes: Record<string, number>;
  total: number;
  /** `survey:<slug>:<optionId>` when the server proposed it from a survey's answers (issue 13). */
  source?: string;
  /** Slugs of the cities that chose the topic in the survey. */
  backers?: string[];
  /** Names of the cities that chose the topic in the survey. */
  backerNames?: string[];
};

export type AgendaContent = { sessions: AgendaSession[] };

/** The document's root types, by name. */
export function agendaRoots(doc: Y.Doc) {
  return {
    sessions: doc.getArray<Y.Map<unknown>>("sessions"),
    proposals: doc.getArray<Y.Map<unknown>>("proposals"),
    notes: doc.getXmlFragment("notes"),
    meta: doc.getMap<unknown>("meta"),
  };
}

/** A random id for sessions and proposals (unique enough inside one document). */
export function newId(): string {
  return Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);
}

/** Builds the Y.Map of a new session block. */
export function createSessionMap(fields: Partial<Omit<AgendaSession, "descriptionHtml">> & { description?: string } = {}): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set("id", fields.id ?? newId());
  m.set("start", fields.start ?? "");
  m.set("end", fields.end ?? "");
  m.set("title", fields.title ?? "");
  m.set("kind", fields.kind ?? "panel");
  const description = new Y.XmlFragment();
  if (fields.description) {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(fields.description)]);
    description.insert(0, [p]);
  }
  m.set("description", description);
  m.set("speakers", fields.speakers ?? []);
  m.set("area", fields.area ?? "");
  m.set("libraryItemIds", fields.libraryItemIds ?? []);
  // Only a session made from a survey proposal carries backers; others stay without the keys.
  if (fields.backers?.length) {
    m.set("backers", fields.backers);
    m.set("backerNames", fields.backerNames ?? []);
  }
  return m;
}

/** Builds the Y.Map of a new topic proposal. */
export function createProposalMap(p: { title: string; why: string; area: string; city: string; authorId: number; authorName: string }): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set("id", newId());
  for (const [k, v] of Object.entries(p)) m.set(k, v);
  m.set("votes", new Y.Map<number>());
  m.set("createdAt", new Date().toISOString());
  return m;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined);

/** The survey backers a session or proposal map carries, as optional fields (absent when it has none). */
function backersOf(m: Y.Map<unknown>): { backers?: string[]; backerNames?: string[] } {
  const backers = strings(m.get("backers"));
  const backerNames = strings(m.get("backerNames"));
  return { ...(backers ? { backers } : {}), ...(backerNames ? { backerNames } : {}) };
}

/** Reads one session map into its plain shape. */
export function readSession(m: Y.Map<unknown>): AgendaSession {
  const kind = str(m.get("kind")) as SessionKind;
  const description = m.get("description");
  const speakers = Array.isArray(m.get("speakers")) ? (m.get("speakers") as unknown[]) : [];
  const ids = Array.isArray(m.get("libraryItemIds")) ? (m.get("libraryItemIds") as unknown[]) : [];
  return {
    id: str(m.get("id")),
    start: str(m.get("start")),
    end: str(m.get("end")),
    title: str(m.get("title")),
    kind: SESSION_KINDS.includes(kind) ? kind : "panel",
    descriptionHtml: description instanceof Y.XmlFragment ? xmlFragmentToHtml(description) : "",
    speakers: speakers
      .filter((s): s is Speaker => typeof s === "object" && s !== null && typeof (s as Speaker).name === "string")
      .map((s) => ({ name: s.name, affiliation: typeof s.affiliation === "string" ? s.affiliation : "" })),
    area: str(m.get("area")),
    libraryItemIds: ids.filter((n): n is number => Number.isInteger(n)),
    ...backersOf(m),
  };
}

/** Reads one proposal map, with its dot total. */
export function readProposal(m: Y.Map<unknown>): AgendaProposal {
  const votesMap = m.get("votes");
  const votes: Record<string, number> = {};
  if (votesMap instanceof Y.Map) votesMap.forEach((v, k) => (votes[k] = typeof v === "number" && v > 0 ? Math.floor(v) : 0));
  return {
    id: str(m.get("id")),
    title: str(m.get("title")),
    why: str(m.get("why")),
    area: str(m.get("area")),
    city: str(m.get("city")),
    authorId: Number(m.get("authorId")) || 0,
    authorName: str(m.get("authorName")),
    votes,
    total: Object.values(votes).reduce((a, b) => a + b, 0),
    ...(typeof m.get("source") === "string" ? { source: m.get("source") as string } : {}),
    ...backersOf(m),
  };
}

type Keyed = { m: Y.Map<unknown>; k: number; id: string };

// Programme order is a number on each block, not its position in the Y.Array: Yjs has no move, and moving by
// delete + re-insert loses what someone types into the block meanwhile (and duplicates it if two people move it).
function keyedSessions(doc: Y.Doc): Keyed[] {
  return agendaRoots(doc)
    .sessions.toArray()
    .filter((m): m is Y.Map<unknown> => m instanceof Y.Map)
    .map((m, i) => ({ m, k: typeof m.get("order") === "number" ? (m.get("order") as number) : i, id: String(m.get("id")) }))
    .sort((a, b) => a.k - b.k || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Sessions in programme order (their `order` key; array position for blocks without one; id on ties). */
export function orderedSessions(doc: Y.Doc): Y.Map<unknown>[] {
  return keyedSessions(doc).map((x) => x.m);
}

/** Gives every block an explicit order key (call inside the transaction that adds or moves blocks). */
function materialiseOrder(keyed: Keyed[]): void {
  keyed.forEach((x, i) => {
    if (typeof x.m.get("order") !== "number") x.m.set("order", i);
    x.k = x.m.get("order") as number;
  });
}

/** Appends a block at the end of the programme. */
export function appendSession(doc: Y.Doc, m: Y.Map<unknown>): void {
  const keyed = keyedSessions(doc);
  materialiseOrder(keyed);
  m.set("order", keyed.length ? keyed[keyed.length - 1].k + 1 : 0);
  agendaRoots(doc).sessions.push([m]);
}

/** Moves the block at programme position `from` to position `to` by giving it an order key between its new neighbours. */
export function moveSessionTo(doc: Y.Doc, from: number, to: number): void {
  const keyed = keyedSessions(doc);
  if (from === to || from < 0 || from >= keyed.length || to < 0 || to >= keyed.length) return;
  materialiseOrder(keyed);
  const item = keyed[from];
  const rest = keyed.filter((_, i) => i !== from);
  const prev = rest[to - 1]?.k;
  const next = rest[to]?.k;
  const k = prev === undefined ? next! - 1 : next === undefined ? prev + 1 : (prev + next) / 2;
  item.m.set("order", k);
}

/** The publishable content of the document (sessions in their order). */
export function extractAgenda(doc: Y.Doc): AgendaContent {
  return { sessions: orderedSessions(doc).map(readSession) };
}

/** Dots a user has spent across all proposals. */
export function dotsSpent(doc: Y.Doc, userId: number): number {
  return agendaRoots(doc)
    .proposals.toArray()
    .reduce((sum, p) => sum + (readProposal(p).votes[String(userId)] ?? 0), 0);
}

/**
 * Replaces the content of `doc` with the content of `source` (sessions, proposals, notes) in one transaction, so
 * restoring a version is a single change that an UndoManager tracking `origin` can undo.
 */
export function replaceContent(doc: Y.Doc, source: Y.Doc, origin: unknown): void {
  const to = agendaRoots(doc);
  const from = agendaRoots(source);
  doc.transact(() => {
    to.sessions.delete(0, to.sessions.length);
    to.sessions.insert(0, from.sessions.toArray().map((m) => m.clone()));
    to.proposals.delete(0, to.proposals.length);
    to.proposals.insert(0, from.proposals.toArray().map((m) => m.clone()));
    to.notes.delete(0, to.notes.length);
    to.notes.insert(0, from.notes.toArray().map((n) => n.clone()) as (Y.XmlElement | Y.XmlText)[]);
  }, origin);
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: "p",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  blockquote: "blockquote",
  codeBlock: "pre",
  horizontalRule: "hr",
  hardBreak: "br",
};

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

function textToHtml(t: Y.XmlText): string {
  return (t.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
    .map((op) => {
      if (typeof op.insert !== "string") return "";
      let html = escapeHtml(op.insert);
      const a = op.attributes ?? {};
      if (a.code) html = `<code>${html}</code>`;
      if (a.bold) html = `<strong>${html}</strong>`;
      if (a.italic) html = `<em>${html}</em>`;
      if (a.strike) html = `<s>${html}</s>`;
      return html;
    })
    .join("");
}

function nodeToHtml(n: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (n instanceof Y.XmlText) return textToHtml(n);
  if (!(n instanceof Y.XmlElement)) return "";
  const inner = n.toArray().map((c) => nodeToHtml(c as Y.XmlElement | Y.XmlText)).join("");
  if (n.nodeName === "heading") {
    const level = Math.min(6, Math.max(3, Number(n.getAttribute("level")) + 2 || 3));
    return `<h${level}>${inner}</h${level}>`;
  }
  const tag = BLOCK_TAGS[n.nodeName];
  if (!tag) return inner;
  if (tag === "hr" || tag === "br") return `<${tag}>`;
  return `<${tag}>${inner}</${tag}>`;
}

/** Renders Tiptap's Y.XmlFragment (prosemirror nodes) to HTML; unknown nodes keep only their text. */
export function xmlFragmentToHtml(f: Y.XmlFragment): string {
  return f
    .toArray()
    .map((n) => nodeToHtml(n as Y.XmlElement | Y.XmlText))
    .join("");
}

/** Plain text of an HTML fragment (for search and Markdown). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|hr)>/g, "\n")
    .replace(/<\/(p|li|h[1-6]|blockquote|pre)>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
