import type { LiveMessageRow } from "../../db/repositories/live-messages.js";
import type { LiveRoomRow } from "../../db/repositories/live-rooms.js";
import type { EventRow } from "../../db/schema.js";
import { live as t } from "../../domain/i18n/pl/live.js";
import { ARCHIVE_AFTER_END_MS } from "../../domain/live-timings.js";
import type { ErrorCode, LiveMessage, RoomStatus } from "./protocol.js";


/** A refusal the socket layer turns into `{ ok: false, error: { code, message } }`. */
export class LiveFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? (t.errors as Record<string, string>)[code] ?? t.errors.server_error);
  }
}

type EventTimes = Pick<EventRow, "startsAt" | "endsAt" | "status">;

/** When the room opens by itself and when it turns into an archive. */
export function roomTimes(event: EventTimes, room: Pick<LiveRoomRow, "opensBeforeMinutes">): { opensAt: string; archivesAt: string } {
  return {
    opensAt: new Date(Date.parse(event.startsAt) - room.opensBeforeMinutes * 60_000).toISOString(),
    archivesAt: new Date(Date.parse(event.endsAt) + ARCHIVE_AFTER_END_MS).toISOString(),
  };
}

/** The room's status now: the archive wins, then a moderator's override, then the automatic opening time. */
export function roomStatus(event: EventTimes, room: Pick<LiveRoomRow, "override" | "opensBeforeMinutes">, now = Date.now()): RoomStatus {
  const { opensAt, archivesAt } = roomTimes(event, room);
  if (now >= Date.parse(archivesAt)) return "archived";
  if (event.status === "cancelled" || room.override === "closed") return "closed";
  if (room.override === "open" || now >= Date.parse(opensAt)) return "open";
  return "waiting";
}

/** Whether a person may post in a room in this status: staff may post before opening and while closed. */
export function statusAllowsWrite(status: RoomStatus, moderator: boolean): boolean {
  if (status === "archived") return false;
  return status === "open" || moderator;
}

/** The wire shape of a message; hidden and deleted bodies never leave the server except hidden ones to staff. */
export function toWire(m: LiveMessageRow, forModerator: boolean): LiveMessage {
  const hidden = m.hiddenAt !== null;
  const deleted = m.deletedAt !== null;
  return {
    id: m.id,
    eventId: m.eventId,
    threadId: m.threadId,
    parentId: m.parentId,
    kind: m.kind,
    body: deleted || (hidden && !forModerator) ? "" : m.body,
    rev: m.rev,
    votes: m.votes,
    pinned: m.pinned === 1,
    answered: m.answeredAt !== null,
    answer: m.answer,
    hidden,
    hiddenReason: m.hiddenReason,
    edited: m.editedAt !== null,
    deleted,
    createdAt: m.createdAt,
    author: m.authorId !== null && m.authorName !== null ? { id: m.authorId, name: m.authorName, city: m.authorCity } : null,
  };
}
