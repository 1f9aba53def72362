import type { Generated } from "kysely";

// Live webinar threads (issue 5). `rev` is the per-event change counter used as the reconnection cursor.
export interface LiveRoomsTable {
  eventId: number;
  override: "open" | "closed" | null;
  opensBeforeMinutes: number;
  rev: number;
  peakParticipants: number;
  createdAt: string;
  updatedAt: string;
}

export interface LiveThreadsTable {
  id: Generated<number>;
  eventId: number;
  kind: "qa" | "discussion";
  title: string;
  position: number;
  createdBy: number | null;
  createdAt: string;
  /** When the thread's archive was queued for the search index (null: not yet). */
  archiveQueuedAt: string | null;
}

export interface LiveMessagesTable {
  id: Generated<number>;
  eventId: number;
  threadId: number;
  parentId: number | null;
  authorId: number | null;
  kind: "comment" | "question";
  body: string;
  rev: number;
  votes: number;
  pinned: number;
  answeredAt: string | null;
  answer: string | null;
  answeredBy: number | null;
  hiddenAt: string | null;
  hiddenReason: string | null;
  editedAt: string | null;
  deletedAt: string | null;
  createdAt: string;
}

export interface LiveVotesTable {
  messageId: number;
  userId: number;
  createdAt: string;
}

export interface LiveRemovalsTable {
  eventId: number;
  userId: number;
  removedBy: number | null;
  reason: string | null;
  createdAt: string;
}
