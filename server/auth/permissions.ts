import type { Role } from "../../db/schema.js";

/**
 * Who is acting: null for an anonymous visitor. `cityId` is the VERIFIED city only (issue 10: a claimed city grants
 * nothing until accepted); `coordinator` is true for the verified representative who decides their city's claims.
 */
export type Actor = { id: number; role: Role; cityId: number | null; coordinator?: boolean } | null;

/**
 * Every permission of the platform, decided in one table. Domains add their own rows here, and the permission-matrix
 * tests walk this table for anonymous, member, moderator and admin.
 */
const rules = {
  // Foundation
  "account:use": (a: Actor) => a !== null, // own profile, password, my events
  "event:view": () => true,
  "event:register": (a: Actor) => a !== null,
  "event:manage": (a: Actor) => isStaff(a), // create, edit, cancel, see participants
  // Webinar join links are for confirmed participants (see server/events/join-link.ts); staff see every one.
  "event:join-link-any": (a: Actor) => isStaff(a),
  "user:manage": (a: Actor) => a?.role === "admin", // roles, disabling accounts
  "audit:view": (a: Actor) => a?.role === "admin",
  "city:view": () => true,
  "city:review": (a: Actor) => a?.role === "admin", // confirm or merge cities an import created (issue 11)
  // City affiliation claims (issue 10): admins review every city's claims, a coordinator their verified city's only
  // (cityClaimAccess below); only admins name coordinators.
  "city-claim:review": (a: Actor) => a?.role === "admin" || isCityCoordinator(a),
  "city-coordinator:manage": (a: Actor) => a?.role === "admin",
  // Library (issue 3): the public reads published items; members with a city propose good practices for it
  // (ownership and the city are checked by libraryAccess below); staff create, edit and publish everything.
  "library:view": () => true,
  "library:propose": (a: Actor) => isStaff(a) || (a !== null && a.cityId !== null),
  "library:manage": (a: Actor) => isStaff(a),
  "library:publish": (a: Actor) => isStaff(a),
  "library:import": (a: Actor) => a?.role === "admin",
  "search:reindex": (a: Actor) => a?.role === "admin", // rebuild the search index (issue 11)
  // Live webinar rooms (issue 5): reading public rooms is open, writing needs an account, moderation is staff work.
  "live:read": () => true,
  "live:write": (a: Actor) => a !== null,
  "live:moderate": (a: Actor) => isStaff(a), // open/close, answer, pin, hide, remove people, threads, export, FAQ
  // Agenda co-design (issue 4); who edits a given event's workspace is decided by agendaAccess below.
  "agenda:manage": (a: Actor) => isStaff(a), // co-design settings, publish, restore, turn proposals into sessions
  "agenda:view-published": () => true,
  // City surveys (issue 13): anyone reads a survey's page; a city survey is answered by a verified representative
  // (the session's cityId is the verified city), a person survey by anyone signed in; staff import, export, invite,
  // see results at any time and propose topics. Respondents see results once the survey closes (surveyAccess below).
  "survey:view": () => true,
  "survey:answer-city": (a: Actor) => a !== null && a.cityId !== null,
  "survey:answer-person": (a: Actor) => a !== null,
  "survey:manage": (a: Actor) => isStaff(a),
  // Networks of experience exchange (issue 14): the public sees networks, meetings and public materials; staff
  // create networks, manage membership and meeting series. What a member may do is decided by networkAccess below.
  "network:view": () => true,
  // The /admin/sieci screens and the service's staff functions. A network's ZMP coordinator manages it only through a
  // staff role (the demo coordinator is a moderator): the person picker and the event editor behind "move a meeting"
  // are staff tools, so coordinating a network without that role grants member access, not management.
  "network:manage": (a: Actor) => isStaff(a),
} satisfies Record<string, (a: Actor) => boolean>;

export type Permission = keyof typeof rules;
export const permissions = Object.keys(rules) as Permission[];

/** Moderators and admins run the forum's content and events. */
export function isStaff(a: Actor): boolean {
  return a?.role === "moderator" || a?.role === "admin";
}

/** A verified representative an admin made the coordinator of their city. */
export function isCityCoordinator(a: Actor): boolean {
  return a !== null && a.coordinator === true && a.cityId !== null;
}

/** May the actor accept or reject a claim to this city? Admins for every city, a coordinator for their own. */
export function cityClaimAccess(actor: Actor, claimCityId: number): boolean {
  return actor?.role === "admin" || (isCityCoordinator(actor) && actor!.cityId === claimCityId);
}

/** Co-design settings of one event's agenda, as agendaAccess needs them. */
export type AgendaAccessSettings = { mode: "all" | "cities"; cityIds: number[]; open: boolean; ended: boolean };

/**
 * Access to an event's agenda workspace: staff always edit; co-designers (every member, or members of the listed
 * cities) edit while co-design is open and the event has not ended, and read otherwise; everyone else gets none
 * (they see the published programme only).
 */
export function agendaAccess(actor: Actor, s: AgendaAccessSettings): "edit" | "read" | "none" {
  if (!actor) return "none";
  if (isStaff(actor)) return "edit";
  const coDesigner = s.mode === "all" || (actor.cityId !== null && s.cityIds.includes(actor.cityId));
  if (!coDesigner) return "none";
  return s.open && !s.ended ? "edit" : "read";
}

/**
 * A city's own survey answers (on its profile): its verified representatives and staff only. `cityId` of the actor
 * is the verified city, so a pending claim sees nothing.
 */
export function cityAnswersAccess(actor: Actor, cityId: number): boolean {
  return isStaff(actor) || (actor !== null && actor.cityId === cityId);
}

/** What surveyAccess needs to know about a survey and the actor's response to it. */
export type SurveyAccessInput = { respondent: "city" | "person"; phase: "upcoming" | "open" | "closed"; answered: boolean };

/**
 * Access to one survey: answering while it is open (a city survey needs a verified city); results for staff always
 * and for respondents who submitted an answer once the survey has closed.
 */
export function surveyAccess(actor: Actor, s: SurveyAccessInput): { answer: boolean; results: boolean } {
  const respondent = can(actor, s.respondent === "city" ? "survey:answer-city" : "survey:answer-person");
  return { answer: respondent && s.phase === "open", results: isStaff(actor) || (respondent && s.phase === "closed" && s.answered) };
}

/** What libraryAccess needs to know about an item. */
export type LibraryAccessItem = { status: "draft" | "in_review" | "published"; authorId: number | null; cityId: number | null; kind: string };

/**
 * Access to one library item: staff view and edit everything and move it to any status; the member who proposed a
 * good practice for their own city views it, edits it until it is published and moves it draft ⇄ in review; the
 * public views published items only.
 */
export function libraryAccess(actor: Actor, item: LibraryAccessItem): { view: boolean; edit: boolean; to: LibraryAccessItem["status"][] } {
  if (isStaff(actor)) return { view: true, edit: true, to: (["draft", "in_review", "published"] as const).filter((s) => s !== item.status) };
  const proposer = actor !== null && item.authorId === actor.id && item.kind === "good_practice" && item.cityId !== null && item.cityId === actor.cityId;
  if (proposer && item.status !== "published") return { view: true, edit: true, to: item.status === "draft" ? ["in_review"] : ["draft"] };
  return { view: item.status === "published" || proposer, edit: false, to: [] };
}

/** A network's current membership, as networkAccess needs it. */
export type NetworkMembership = { cityIds: number[]; userIds: number[] };

/**
 * Access to one network's member space (discussion, shared notes, agreements, members-only materials): staff, verified
 * representatives of a current member city and the network's current experts, partners and coordinators are members;
 * everyone else (and anonymous visitors) sees the public page only.
 */
export function networkAccess(actor: Actor, m: NetworkMembership): "staff" | "member" | "public" {
  if (isStaff(actor)) return "staff";
  if (actor === null) return "public";
  if (actor.cityId !== null && m.cityIds.includes(actor.cityId)) return "member";
  return m.userIds.includes(actor.id) ? "member" : "public";
}

/** True when the actor is a member (or staff) of the network: may post, edit notes and record agreements. */
export function isNetworkMember(actor: Actor, m: NetworkMembership): boolean {
  return networkAccess(actor, m) !== "public";
}

/** True when the actor holds the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return rules[permission](actor);
}

export class PermissionError extends Error {
  override name = "PermissionError";
  constructor(
    readonly status: 401 | 403,
    readonly permission: Permission,
  ) {
    super(status === 401 ? "not_signed_in" : "forbidden");
  }
}

/** Throws PermissionError(401) for anonymous visitors and PermissionError(403) for others lacking the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (can(actor, permission)) return;
  throw new PermissionError(actor ? 403 : 401, permission);
}
