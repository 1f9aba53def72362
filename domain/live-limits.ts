// Lengths of what people write in a live room: the server refuses longer text (server/live/protocol.ts) and the
// browser's fields stop at the same length (maxLength), so the two cannot drift apart.

/** A message, an edit of it, or a moderator's answer to a question. */
export const LIVE_MESSAGE_MAX = 2000;
/** The title of a new thread. */
export const LIVE_THREAD_TITLE_MAX = 120;
/** A moderator's reason for hiding a message or removing a participant. */
export const LIVE_REASON_MAX = 300;
