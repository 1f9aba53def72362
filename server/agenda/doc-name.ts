/** The document name for an event's agenda. */
export function agendaDocName(eventId: number): string {
  return `agenda:${eventId}`;
}

/** Kinds of documents /collab serves besides agendas; each registers its access decision with the hub. */
export type CollabDocKind = "agenda" | "network";

/**
 * `agenda:<eventId>` or `network:<networkId>` (issue 14: a network's shared notes); ids are positive, at most 10 digits.
 * A plain expression, not a schema: it runs for every connection, and a path needs no more than this.
 */
const COLLAB_DOC_NAME = /^(agenda|network):([1-9][0-9]{0,9})$/;

/** Parses `/collab/<docName>` (URL-decoded); null when the path or name is invalid. For a network doc eventId is its id. */
export function parseCollabPath(url: string | undefined): { name: string; kind: CollabDocKind; id: number; eventId: number } | null {
  const path = (url ?? "").split("?")[0];
  if (!path.startsWith("/collab/")) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(path.slice("/collab/".length));
  } catch {
    return null;
  }
  const match = COLLAB_DOC_NAME.exec(raw);
  if (!match) return null;
  const id = Number(match[2]);
  return { name: raw, kind: match[1] as CollabDocKind, id, eventId: id };
}
