import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { SessionUser } from "../../db/repositories/sessions.js";
import { can, PermissionError, type Actor, type Permission } from "../../server/auth/permissions.js";
import { t } from "../../domain/i18n";
import { isNamedError } from "../../server/errors.js";

/** The acting user in the shape the permission module expects (cityId: the verified city only). */
export function actorOf(context: AppLoadContext): Actor {
  const u = context.user;
  return u ? { id: u.id, role: u.role, cityId: u.cityId, coordinator: u.cityCoordinator === 1 } : null;
}

/** Returns the signed-in user or redirects to /login with a way back. */
export function requireUser(context: AppLoadContext, request: Request): SessionUser {
  if (context.user) return context.user;
  const url = new URL(request.url);
  throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Enforces a permission: anonymous visitors are sent to log in, others get 403. */
export function requirePermission(context: AppLoadContext, request: Request, permission: Permission): Actor {
  const actor = actorOf(context);
  if (can(actor, permission)) return actor;
  if (!actor) requireUser(context, request);
  throw json({ message: t.common.errors.forbidden }, { status: 403 });
}

/** Converts a PermissionError thrown by a service into the matching response. */
export function permissionResponse(error: unknown, request: Request): never {
  if (isNamedError(error, PermissionError)) {
    if (error.status === 401) {
      const url = new URL(request.url);
      throw redirect(`/login?next=${encodeURIComponent(url.pathname)}`);
    }
    throw json({ message: t.common.errors.forbidden }, { status: 403 });
  }
  throw error;
}

/** 404 with a Polish message. */
export function notFound(): never {
  throw json({ message: t.common.errors.notFound }, { status: 404 });
}
