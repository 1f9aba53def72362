import type { Db } from "../../db/index.js";
import { networkMembership } from "../../db/repositories/networks.js";
import { networkAccess, type Actor } from "../auth/permissions.js";

/** Days before a network meeting at which registration opens to everyone when the meeting sets no date of its own. */
export const MEMBERS_FIRST_DAYS = 14;

type MeetingLike = { networkId: number | null; startsAt: string; openToAllAt: string | null };

/** When a network meeting opens to non-members (null: not a network meeting, open to all as any event). */
export function openToAllAt(event: MeetingLike): string | null {
  if (event.networkId === null) return null;
  return event.openToAllAt ?? new Date(Date.parse(event.startsAt) - MEMBERS_FIRST_DAYS * 86_400_000).toISOString();
}

/** The default opening for a meeting starting at `startsAt` (stored on meetings the series creates). */
export function defaultOpenToAllAt(startsAt: string): string {
  return new Date(Date.parse(startsAt) - MEMBERS_FIRST_DAYS * 86_400_000).toISOString();
}

/**
 * Registration for members first (issue 14): on a network meeting, before its open-to-all date only the network's
 * members (and staff) may register. Returns when it opens and whether this actor may register now.
 */
export async function membersFirstState(db: Db, actor: Actor, event: MeetingLike, now = new Date()): Promise<{ opensAt: string; mayRegister: boolean; member: boolean } | null> {
  const opensAt = openToAllAt(event);
  if (opensAt === null) return null;
  const member = networkAccess(actor, await networkMembership(db, event.networkId!)) !== "public";
  return { opensAt, member, mayRegister: member || Date.parse(opensAt) <= now.getTime() };
}
