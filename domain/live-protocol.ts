// The /live namespace's wire types (docs/realtime.md), shared by the server and the browser. Types only: the zod
// schemas that check every client payload at runtime stay in server/live/protocol.ts (typed against these), so the
// browser gets the contract without zod.

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
export type Presence = { eventId: number; count: number; people: { id: number; name: string; city: string | null }[] };
export type RoomJoinResult = { state: RoomState; me: LiveMe; presence: Presence };
export type TypingNotice = { threadId: number; user: { id: number; name: string } };
export type ThreadJoinResult = { threadId: number; messages: LiveMessage[]; myVotes: number[]; cursor: number; more: boolean };
export type VoteResult = { message: LiveMessage; voted: boolean };

export type ModerationAction = "answer" | "unanswer" | "pin" | "unpin" | "hide" | "unhide";

/** What the client sends with each event (after the server's zod parse: trimmed texts, known enums). */
export interface ClientPayloads {
  "room:join": { eventId: number };
  "room:leave": { eventId: number };
  "room:control": { eventId: number; action: "open" | "close" | "auto" };
  "thread:create": { eventId: number; title: string };
  "thread:join": { threadId: number; since?: number };
  "message:send": { threadId: number; body: string; parentId?: number; kind: "comment" | "question" };
  "message:edit": { messageId: number; body: string };
  "message:delete": { messageId: number };
  "message:vote": { messageId: number; value: 1 | 0 };
  "message:moderate": { messageId: number; action: ModerationAction; answer?: string; reason?: string };
  "participant:remove": { eventId: number; userId: number; reason?: string };
  typing: { threadId: number };
}

/** What the ack of each client event carries when it succeeds (`{ ok: true, data }`). */
export interface ClientResults {
  "room:join": RoomJoinResult;
  "room:leave": null;
  "room:control": RoomState;
  "thread:create": RoomState;
  "thread:join": ThreadJoinResult;
  "message:send": LiveMessage;
  "message:edit": LiveMessage;
  "message:delete": LiveMessage;
  "message:vote": VoteResult;
  "message:moderate": LiveMessage;
  "participant:remove": null;
  typing: { relayed: boolean };
}

export type ClientEvent = keyof ClientPayloads;
export type ClientPayload<E extends ClientEvent> = ClientPayloads[E];

/** Events the client emits: one payload, answered through the ack with `Ack<result>` (a refusal never throws). */
export type ClientToServerEvents = { [E in ClientEvent]: (payload: ClientPayloads[E], ack: (result: Ack<ClientResults[E]>) => void) => void };

/** Events the server emits. */
export interface ServerToClientEvents {
  "message:new": (m: LiveMessage) => void;
  "message:updated": (m: LiveMessage) => void;
  "presence:update": (p: Presence) => void;
  "room:state": (s: RoomState) => void;
  typing: (t: TypingNotice) => void;
  /** A refused event sent without an ack callback: the error names the event it answers. */
  "live:error": (e: LiveError & { event: string }) => void;
  /** The session ended or the account was blocked: sent once, then the server disconnects the socket. */
  "access:revoked": (e: { error: LiveError }) => void;
}

/** Instances talk through the adapter only (rooms and broadcasts); they emit no events of their own to each other. */
export type InterServerEvents = Record<string, never>;
