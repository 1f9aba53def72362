import { z } from "zod";
import { LIVE_MESSAGE_MAX, LIVE_REASON_MAX, LIVE_THREAD_TITLE_MAX } from "../../domain/live-limits.js";
import type { ClientEvent, ClientPayloads } from "../../domain/live-protocol.js";

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
  .max(LIVE_MESSAGE_MAX)
  .refine((text) => !isInvisible(text), { params: { reason: INVISIBLE_ISSUE } });

export const clientSchemas = {
  "room:join": z.object({ eventId: id }).strict(),
  "room:leave": z.object({ eventId: id }).strict(),
  "room:control": z.object({ eventId: id, action: z.enum(["open", "close", "auto"]) }).strict(),
  "thread:create": z.object({ eventId: id, title: z.string().trim().min(1).max(LIVE_THREAD_TITLE_MAX).refine((text) => !isInvisible(text)) }).strict(),
  "thread:join": z.object({ threadId: id, since: z.number().int().min(0).optional() }).strict(),
  "message:send": z.object({ threadId: id, body, parentId: id.optional(), kind: z.enum(["comment", "question"]) }).strict(),
  "message:edit": z.object({ messageId: id, body }).strict(),
  "message:delete": z.object({ messageId: id }).strict(),
  "message:vote": z.object({ messageId: id, value: z.union([z.literal(1), z.literal(0)]) }).strict(),
  "message:moderate": z
    .object({
      messageId: id,
      action: z.enum(["answer", "unanswer", "pin", "unpin", "hide", "unhide"]),
      answer: z.string().trim().max(LIVE_MESSAGE_MAX).optional(),
      reason: z.string().trim().max(LIVE_REASON_MAX).optional(),
    })
    .strict(),
  "participant:remove": z.object({ eventId: id, userId: id, reason: z.string().trim().max(LIVE_REASON_MAX).optional() }).strict(),
  typing: z.object({ threadId: id }).strict(),
} as const satisfies { [E in ClientEvent]: z.ZodType<ClientPayloads[E]> };

// The wire types live in domain/live-protocol.ts (the browser reads them without zod); server code keeps importing
// them from here.
export type * from "../../domain/live-protocol.js";

// Each schema's output is exactly the domain payload of its event: a field added on one side and not the other fails
// the typecheck here rather than on the wire.
// (The generic-function form compares optional fields and readonly too, which mutual `extends` would let slip.)
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Drift = { [E in ClientEvent]: Same<z.output<(typeof clientSchemas)[E]>, ClientPayloads[E]> extends true ? never : E }[ClientEvent];
const _schemasMatchDomain: [Drift] extends [never] ? true : Drift = true;
