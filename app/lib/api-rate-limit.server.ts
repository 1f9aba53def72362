// The public JSON API (/api/search, /api/library/…) is open to anyone, so one client address gets a budget of
// requests per minute (API_RATE_LIMIT), counted across instances when Redis is configured. Pages are not limited:
// people browse them; scripts use the API.
import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { t } from "../../domain/i18n";

const WINDOW_MS = 60_000;

/** A 429 answer (JSON, with Retry-After) once the client is over its budget, otherwise null. */
export async function apiRateLimited(context: AppLoadContext, headers: Record<string, string>): Promise<Response | null> {
  const { limiter, config } = context.services;
  const r = await limiter.hit(`api:ip:${context.clientIp}`, config.apiRateLimit, WINDOW_MS);
  if (r.allowed) return null;
  const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
  return json(
    { error: { code: "rate_limited", message: t.library.api.rateLimited(seconds) } },
    { status: 429, headers: { ...headers, "Retry-After": String(seconds) } },
  );
}
