import { can, type Actor } from "../auth/permissions.js";

/**
 * Whether a person may see an event's join (stream) link: confirmed participants, moderators and admins. People on the
 * waiting list and anonymous visitors only get the event page: a join link shared beyond them lets anyone in.
 */
export function maySeeJoinLink(actor: Actor, registrationStatus: string | null | undefined): boolean {
  return can(actor, "event:join-link-any") || (actor !== null && registrationStatus === "confirmed");
}
