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

/** Parses `/collab/<docName>` (URL-decoded); null when the path or name is invalid. */
export function parseCollabPath(url: string | undefined): { name: string; eventId: number } | null {
  const path = (url ?? "").split("?")[0];
  if (!path.startsWith("/collab/")) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(path.slice("/collab/".length));
  } catch {
    return null;
  }
  const parsed = agendaDocNameSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
