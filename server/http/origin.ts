import type { IncomingMessage } from "node:http";

/** The site origin as the browser sees it (PUBLIC_URL wins; otherwise the Host header). */
export function siteOrigin(req: IncomingMessage, publicUrl: string | undefined, trustProxy: boolean): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const proto = trustProxy ? String(req.headers["x-forwarded-proto"] ?? "http").split(",")[0].trim() : (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  const host = (trustProxy ? String(req.headers["x-forwarded-host"] ?? "") : "") || req.headers.host || "localhost";
  return `${proto}://${host}`;
}

/**
 * Cross-site request check for mutations and WebSocket upgrades. Browsers always send Origin on these, so a present
 * Origin must match ours; a missing Origin (server-to-server clients, old browsers on same-origin form posts) is
 * allowed here and left to the CSRF token or the session check.
 */
export function isSameOrigin(req: IncomingMessage, expectedOrigin: string): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === "null") return origin !== "null";
  // What browsers send on our own pages: equal strings are the same host, without parsing two URLs per request.
  if (origin === expectedOrigin) return true;
  try {
    return new URL(origin).host === new URL(expectedOrigin).host;
  } catch {
    return false;
  }
}
