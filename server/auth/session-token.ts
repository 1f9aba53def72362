import type { Db } from "../../db/index.js";
import { findSessionUser, touchSession, type SessionUser } from "../../db/repositories/sessions.js";
import { isoFromNow } from "../../db/time.js";
import { SESSION_TTL_MS } from "./cookies.js";
import { hashToken } from "./tokens.js";

/**
 * Resolves a session cookie's token to its user (null when absent, unknown, expired or disabled), sliding the expiry
 * at most once an hour. Shared by the app's requests and upgrades and by the /collab process's own port.
 */
export async function resolveSessionToken(db: Db, token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const session = await findSessionUser(db, hashToken(token));
  if (!session) return null;
  if (Date.now() - Date.parse(session.lastSeenAt) > 3600_000) await touchSession(db, session.sessionId, isoFromNow(SESSION_TTL_MS));
  return session;
}
