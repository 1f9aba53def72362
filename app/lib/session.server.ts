import type { AppLoadContext } from "@remix-run/node";
import { serializeCookie, SESSION_COOKIE, SESSION_TTL_MS } from "../../server/auth/cookies.js";

/** Sets the session cookie for a new session token. */
export function setSessionCookie(context: AppLoadContext, token: string): void {
  context.setCookie(serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_TTL_MS / 1000, secure: context.services.config.env === "production" }));
}

/** Clears the session cookie. */
export function clearSessionCookie(context: AppLoadContext): void {
  context.setCookie(serializeCookie(SESSION_COOKIE, "", { maxAgeSeconds: 0, secure: context.services.config.env === "production" }));
}

/** Only same-site paths are accepted as a place to return to after login (no open redirects). */
export function safeNext(value: unknown, fallback = "/"): string {
  // Control characters (a newline from ?next=%0A) cannot go into a Location header: refuse them instead of a 500.
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") && !/\p{Cc}/u.test(value) ? value : fallback;
}
