import { z } from "zod";

// The /live namespace's wire contract (docs/realtime.md). Every client payload is parsed with these schemas.

const id = z.number().int().positive().max(2 ** 31 - 1);
// Text that renders as nothing: whitespace, format characters (zero-width spaces and joiners, BOM, bidi controls,
// soft hyphen, word joiner, tags), Hangul and Braille fillers, and the marks that combine with nothing on their own
// (combining grapheme joiner, Khmer inherent vowels, variation selectors; by code point, as a regex class would
// misread them). Allowed inside a message (emoji sequences need joiners), refused as the whole of it.
const INVISIBLE_CHAR = /^[\s\p{Cf}\p{Z}\u115F\u1160\u2800\u3164\uFFA0]$/u;
const INVISIBLE_MARKS: [number, number][] = [
  [0x034f, 0x034f],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0xfe00, 0xfe0f],
  [0xe0100, 0xe01ef],
];

/** Whether a text would show nothing at all: an empty bubble for everyone. */
export function isInvisible(text: string): boolean {
  for (const ch of text) {
    if (INVISIBLE_CHAR.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    if (!INVISIBLE_MARKS.some(([from, to]) => cp >= from && cp <= to)) return false;
  }
  return true;
}

/** zod issue code of a body made only of invisible characters (the handler gives it its own Polish message). */
export const INVISIBLE_ISSUE = "invisible";

// After trimming: a body of plain spaces is empty and keeps its length message.
const body = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((text) => !isInvisible(text), { params: { reason: INVISIBLE_ISSUE } });

export const clientSchemas = {
  "room:join": z.object({ eventId: id }).strict(),
  "room:leave": z.object({ eventId: id }).strict(),
  "room:control": z.object({ eventId: id, action: z.enum(["open", "close", "auto"]) }).strict(),
  "thread:create": z.object({ eventId: id, title: z.string().trim().min(1).max(120).refine((text) => !isInvisible(text)) }).strict(),
  "thread:join": z.object({ threadId: id, since: z.number().int().min(0).optional() }).strict(),
  "message:send": z.object({ threadId: id, body, parentId: id.optional(), kind: z.enum(["comment", "question"]) }).strict(),
  "message:edit": z.object({ messageId: id, body }).strict(),
  "message:delete": z.object({ messageId: id }).strict(),
  "message:vote": z.object({ messageId: id, value: z.union([z.literal(1), z.literal(0)]) }).strict(),
  "message:moderate": z
    .object({
      messageId: id,
      action: z.enum(["answer", "unanswer", "pin", "unpin", "hide", "unhide"]),
      answer: z.string().trim().max(2000).optional(),
      reason: z.string().trim().max(300).optional(),
    })
    .strict(),
  "participant:remove": z.object({ eventId: id, userId: id, reason: z.string().trim().max(300).optional() }).strict(),
  typing: z.object({ threadId: id }).strict(),
} as const;

export type ClientEvent = keyof typeof clientSchemas;
export type ClientPayload<E extends ClientEvent> = z.infer<(typeof clientSchemas)[E]>;

export type ErrorCode = "bad_request" | "unknown_event" | "unauthenticated" | "forbidden" | "not_found" | "room_closed" | "rate_limited" | "edit_window_passed" | "server_error";
export type LiveError = { code: ErrorCode; message: string };
export type Ack<T = unknown> = { ok: true; data: T } | { ok: false; error: LiveError };

export type LiveAuthor = { id: number; name: string; city: string | null };

/** A message as clients see it (hidden bodies are blanked for everyone but moderators). */
export type LiveMessage = {
  id: number;
  eventId: number;
  threadId: number;
  parentId: number | null;
  kind: "comment" | "question";
  body: string;
  rev: number;
  votes: number;
  pinned: boolean;
  answered: boolean;
  answer: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  edited: boolean;
  deleted: boolean;
  createdAt: string;
  author: LiveAuthor | null;
};

export type LiveThread = { id: number; kind: "qa" | "discussion"; title: string };
export type RoomStatus = "waiting" | "open" | "closed" | "archived";

/** The room as everyone sees it; `removed` is sent only to a participant a moderator removed. */
export type RoomState = {
  eventId: number;
  status: RoomStatus;
  opensAt: string;
  archivesAt: string;
  override: "open" | "closed" | null;
  threads: LiveThread[];
  removed?: boolean;
};

/** What this connection may do; returned by room:join. */
export type LiveMe = { user: LiveAuthor | null; canWrite: boolean; canModerate: boolean };
export type RoomJoinResult = { state: RoomState; me: LiveMe; presence: Presence };

export type Presence = { eventId: number; count: number; people: { id: number; name: string; city: string | null }[] };
export type TypingNotice = { threadId: number; user: { id: number; name: string } };

export type ThreadJoinResult = { threadId: number; messages: LiveMessage[]; myVotes: number[]; cursor: number; more: boolean };

/** Events the server emits. */
export interface ServerToClient {
  "message:new": (m: LiveMessage) => void;
  "message:updated": (m: LiveMessage) => void;
  "presence:update": (p: Presence) => void;
  "room:state": (s: RoomState) => void;
  typing: (t: TypingNotice) => void;
  "live:error": (e: LiveError & { event: string }) => void;
  /** The session ended or the account was blocked: sent once, then the server disconnects the socket. */
  "access:revoked": (e: { error: LiveError }) => void;
}
