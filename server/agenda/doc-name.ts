import { z } from "zod";

/** `agenda:<eventId>`: the only documents /collab serves. */
export const agendaDocNameSchema = z
  .string()
  .max(40)
  .regex(/^agenda:[1-9][0-9]{0,9}$/)
  .transform((name) => ({ name, eventId: Number(name.slice("agenda:".length)) }));

/** The document name for an event's agenda. */
export function agendaDocName(eventId: number): string {
  return `agenda:${eventId}`;
}

/** Kinds of documents /collab serves besides agendas; each registers its access decision with the hub. */
export type CollabDocKind = "agenda" | "network";

/** `agenda:<eventId>` or `network:<networkId>` (issue 14: a network's shared notes). */
export const collabDocNameSchema = z
  .string()
  .max(40)
  .regex(/^(agenda|network):[1-9][0-9]{0,9}$/)
  .transform((name) => {
    const [kind, id] = name.split(":");
    return { name, kind: kind as CollabDocKind, id: Number(id), eventId: Number(id) };
  });

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
  const parsed = collabDocNameSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
