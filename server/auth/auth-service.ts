import type { DbHandle } from "../../db/index.js";
import { findCredentialsByEmail, findUserByEmail, findUserById, insertUser, updatePasswordHash } from "../../db/repositories/users.js";
import { deleteSession, deleteUserSessions, findSessionUser, insertSession, type SessionUser } from "../../db/repositories/sessions.js";
import { consumePasswordReset, insertPasswordReset, invalidatePasswordResets, isPasswordResetValid } from "../../db/repositories/password-resets.js";
import { findCityById } from "../../db/repositories/cities.js";
import { restartCityClaim } from "../../db/repositories/city-claims.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { isoFromNow } from "../../db/time.js";
import { auth as t } from "../../domain/i18n/pl/auth.js";
import type { Mailer } from "../mail/mailer.js";
import type { AccessChanges } from "./access-changes.js";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./passwords.js";
import type { RateLimiter } from "./rate-limit.js";
import { hashToken, randomToken } from "./tokens.js";
import { resolveSessionToken } from "./session-token.js";
import { SESSION_TTL_MS } from "./cookies.js";
import type { RegisterInput } from "./auth-schemas.js";

/** A failure a person can fix; `field` names the form field it belongs to, if any. */
export class AuthError extends Error {
  override name = "AuthError";
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 409 | 429 = 400,
    readonly field?: string,
    /** For 429: when to try again (sent as Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

// Login limits. Per address and per account-from-one-address count every attempt (a success clears the latter);
// failures per account from anywhere only add a growing delay (0.5 s per failure past 10, at most 10 s).
const IP_ATTEMPTS = { limit: 30, windowMs: 15 * 60_000 };
const PAIR_ATTEMPTS = { limit: 5, windowMs: 15 * 60_000 };
const ACCOUNT_SLOWDOWN = { after: 10, stepMs: 500, maxMs: 10_000, windowMs: 15 * 60_000 };
const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RESET_TTL_MS = 3600_000;

export type AuthService = ReturnType<typeof createAuthService>;

/** Registration, login, sessions and password changes; HTTP routes only translate to and from forms. */
export function createAuthService(deps: { db: DbHandle; mailer: Mailer; limiter: RateLimiter; access?: AccessChanges }) {
  const db = deps.db.db;

  async function startSession(userId: number, userAgent: string | null): Promise<string> {
    const token = randomToken();
    await insertSession(db, { id: hashToken(token), userId, expiresAt: isoFromNow(SESSION_TTL_MS), userAgent: userAgent?.slice(0, 300) ?? null });
    return token;
  }

  return {
    /**
     * Creates an account, or, when the address already has one, mails its owner instead. The caller gives the same
     * answer either way (and both paths hash the password, so they take as long), so the form cannot be used to find
     * out who has an account. Nobody is signed in here: the person logs in with the password they just chose.
     * A typed city name is resolved to `cityId` by the caller (app/lib/city-field.server.ts) before this runs.
     */
    async register(input: Omit<RegisterInput, "city">, meta: { ip: string; baseUrl: string }): Promise<{ userId: number | null }> {
      if (input.cityId !== null && !(await findCityById(db, input.cityId))) throw new AuthError(t.register.cityRequired, 400, "city");
      const passwordHash = await hashPassword(input.password);
      const existing = await findUserByEmail(db, input.email);
      if (existing) {
        const body = t.register.existingMailBody(existing.name, `${meta.baseUrl}/login`, `${meta.baseUrl}/haslo/reset`);
        await deps.mailer.send({ to: existing.email, subject: t.register.existingMailSubject, text: body });
        await recordAudit(db, { actorId: null, action: "user.register_existing", subjectType: "user", subjectId: existing.id, ip: meta.ip });
        return { userId: null };
      }
      const userId = await db.transaction().execute(async (trx) => {
        const id = await insertUser(trx, {
          email: input.email,
          name: input.name,
          passwordHash,
          role: "member",
          affiliation: input.affiliation,
          cityId: input.cityId,
          position: input.position,
          disabledAt: null,
        });
        // The stated city waits for review: until then the account is an ordinary member's (issue 10).
        if (input.cityId !== null) await restartCityClaim(trx, id, input.cityId);
        return id;
      });
      await deps.mailer.send({ to: input.email, subject: t.register.welcomeMailSubject, text: t.register.welcomeMailBody(input.name, `${meta.baseUrl}/login`) });
      await recordAudit(db, { actorId: userId, action: "user.register", subjectType: "user", subjectId: userId, ip: meta.ip });
      return { userId };
    },

    /** Starts a session for a user proven some other way (tests and tools; the login form goes through login()). */
    startSession,

    /**
     * Verifies credentials under three limits, each counted atomically before the password is checked (parallel
     * guesses cannot all slip in before a failure is recorded): attempts per address, attempts per account from
     * one address (429 with Retry-After), and failures per account from anywhere, which only slow answers down, so
     * nobody can lock the owner out of an account by failing on purpose from another address.
     */
    async login(email: string, password: string, meta: { ip: string; userAgent: string | null }): Promise<{ userId: number; token: string }> {
      const account = email.toLowerCase();
      const pairKey = `login:pair:${account}|${meta.ip}`;
      const accountKey = `login:acct:${account}`;
      const ip = await deps.limiter.hit(`login:ip:${meta.ip}`, IP_ATTEMPTS.limit, IP_ATTEMPTS.windowMs);
      if (!ip.allowed) throw new AuthError(t.login.tooManyIp(minutes(ip.retryAfterMs)), 429, undefined, ip.retryAfterMs);
      const pair = await deps.limiter.hit(pairKey, PAIR_ATTEMPTS.limit, PAIR_ATTEMPTS.windowMs);
      if (!pair.allowed) throw new AuthError(t.login.tooManyAccount(minutes(pair.retryAfterMs)), 429, undefined, pair.retryAfterMs);
      const failures = await deps.limiter.peek(accountKey, ACCOUNT_SLOWDOWN.after);
      if (failures.count > ACCOUNT_SLOWDOWN.after) await sleep(Math.min((failures.count - ACCOUNT_SLOWDOWN.after) * ACCOUNT_SLOWDOWN.stepMs, ACCOUNT_SLOWDOWN.maxMs));

      const user = await findCredentialsByEmail(db, email);
      const ok = user ? await verifyPassword(password, user.passwordHash) : (await verifyAgainstDummy(password), false);
      if (!user || !ok) {
        await deps.limiter.hit(accountKey, ACCOUNT_SLOWDOWN.after, ACCOUNT_SLOWDOWN.windowMs);
        await recordAudit(db, { actorId: user?.id ?? null, action: "user.login_failed", subjectType: "user", subjectId: user?.id ?? null, ip: meta.ip });
        throw new AuthError(t.login.invalid, 401);
      }
      if (user.disabledAt) throw new AuthError(t.login.disabled, 403);
      await deps.limiter.reset(pairKey);
      await recordAudit(db, { actorId: user.id, action: "user.login", subjectType: "user", subjectId: user.id, ip: meta.ip });
      return { userId: user.id, token: await startSession(user.id, meta.userAgent) };
    },

    /** Resolves a cookie token to its user, sliding the expiry at most once an hour. */
    resolve: (token: string | undefined): Promise<SessionUser | null> => resolveSessionToken(db, token),

    /** Ends one session. */
    async logout(sessionId: string): Promise<void> {
      await deleteSession(db, sessionId);
      await deps.access?.sessionEnded(sessionId);
    },

    /** Changes a password after checking the current one; other sessions of the account are ended. */
    async changePassword(user: SessionUser, current: string, next: string): Promise<void> {
      const row = await findCredentialsByEmail(db, user.email);
      if (!row || !(await verifyPassword(current, row.passwordHash))) throw new AuthError(t.account.wrongPassword, 400, "currentPassword");
      await updatePasswordHash(db, user.id, await hashPassword(next));
      await deleteUserSessions(db, user.id, user.sessionId);
      await deps.access?.userChanged(user.id);
      await recordAudit(db, { actorId: user.id, action: "user.password_changed", subjectType: "user", subjectId: user.id });
    },

    /** Mails a one-time reset link when the account exists; says nothing either way to the requester. */
    async requestReset(email: string, baseUrl: string, ip: string): Promise<void> {
      const limit = await deps.limiter.hit(`reset:ip:${ip}`, 10, 15 * 60_000);
      if (!limit.allowed) throw new AuthError(t.login.tooManyIp(Math.ceil(limit.retryAfterMs / 60_000)), 429);
      const user = await findUserByEmail(db, email);
      if (!user || user.disabledAt) return;
      const token = randomToken();
      // Only the newest link works: an older one lying in a mailbox (or forwarded) stops opening the account.
      await invalidatePasswordResets(db, user.id);
      await insertPasswordReset(db, { tokenHash: hashToken(token), userId: user.id, expiresAt: isoFromNow(RESET_TTL_MS) });
      const link = `${baseUrl}/haslo/nowe?token=${encodeURIComponent(token)}`;
      await deps.mailer.send({ to: user.email, subject: t.reset.mailSubject, text: t.reset.mailBody(user.name, link) });
      await recordAudit(db, { actorId: user.id, action: "user.reset_requested", subjectType: "user", subjectId: user.id, ip });
    },

    /** Sets a new password from a one-time token and ends every session of the account. */
    async resetPassword(token: string, next: string): Promise<void> {
      const userId = await consumePasswordReset(db, hashToken(token));
      if (!userId) throw new AuthError(t.reset.invalidLink, 400, "token");
      await updatePasswordHash(db, userId, await hashPassword(next));
      await invalidatePasswordResets(db, userId);
      await deleteUserSessions(db, userId);
      await deps.access?.userChanged(userId);
      await recordAudit(db, { actorId: userId, action: "user.password_reset", subjectType: "user", subjectId: userId });
    },

    findUser: (id: number) => findUserById(db, id),
    /** Whether a reset link's token is still usable (the form is shown only then). */
    resetLinkValid: async (token: string) => token.length > 10 && (await isPasswordResetValid(db, hashToken(token))),

    /** Re-loads a session by its id (the stored hash), null once it ended, expired or the user was blocked. */
    sessionUser: async (sessionId: string): Promise<SessionUser | null> => (await findSessionUser(db, sessionId)) ?? null,
  };
}
