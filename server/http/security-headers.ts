import type { RequestHandler } from "express";
import { secureRandomBytes } from "../auth/tokens.js";

export type SecurityHeaderOptions = {
  dev: boolean;
  /** HSTS only in production: it would pin browsers to https on a developer's localhost. */
  production: boolean;
  /** Origins of configured video stream hosts (STREAM_HOSTS): the only other sites images and fetches may reach. */
  streamHosts?: string[];
};

/** Sets a per-request CSP nonce and the security headers every page carries. */
export function securityHeaders(opts: SecurityHeaderOptions): RequestHandler {
  const streams = opts.streamHosts ?? [];
  return (req, res, next) => {
    const nonce = secureRandomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    // WebSockets (/socket.io, /collab) go only to this host; older browsers do not let 'self' cover ws(s):. In
    // production the host was checked against PUBLIC_URL before this runs, so the Host header names this site.
    const host = (req.headers.host ?? "").replace(/[^A-Za-z0-9.:[\]-]/g, "");
    const sockets = host ? (opts.production ? [`wss://${host}`] : [`ws://${host}`, `wss://${host}`]) : [];
    // Development: Remix's live reload talks over its own WebSocket port.
    const connect = ["'self'", ...sockets, ...streams, ...(opts.dev ? ["ws:"] : [])].join(" ");
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'${opts.dev ? " 'unsafe-eval'" : ""}`,
        "style-src 'self' 'unsafe-inline'",
        ["img-src 'self' data:", ...streams].join(" "),
        "font-src 'self' data:",
        `connect-src ${connect}`,
        "frame-src https:",
        "media-src 'self' https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    if (opts.production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    next();
  };
}
