import type { Role } from "../../db/schema.js";

/** Who is acting: null for an anonymous visitor. */
export type Actor = { id: number; role: Role; cityId: number | null } | null;

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
  "user:manage": (a: Actor) => a?.role === "admin", // roles, disabling accounts
  "audit:view": (a: Actor) => a?.role === "admin",
  "city:view": () => true,
} satisfies Record<string, (a: Actor) => boolean>;

export type Permission = keyof typeof rules;
export const permissions = Object.keys(rules) as Permission[];

/** Moderators and admins run the forum's content and events. */
export function isStaff(a: Actor): boolean {
  return a?.role === "moderator" || a?.role === "admin";
}

/** True when the actor holds the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return rules[permission](actor);
}

export class PermissionError extends Error {
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
