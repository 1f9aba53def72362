import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import type { Config } from "../config.js";
import { http } from "../../domain/i18n/pl/http.js";

/**
 * The origin links in mail and calendar feeds point to. It comes from configuration only, never from request
 * headers: a reset requested with `Host: evil.example` must not mail a link to evil.example. Without PUBLIC_URL
 * (development, tests, a local trial) it is the configured host and port, `localhost` when listening on every
 * interface; `localPort` stands in for PORT=0.
 */
export function publicOrigin(config: Pick<Config, "publicUrl" | "host" | "port">, localPort?: number): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  const anyInterface = config.host === "" || config.host === "0.0.0.0" || config.host === "::";
  const host = anyInterface ? "localhost" : config.host.includes(":") ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port || localPort || 80}`;
}

/** The host name the request was addressed to (the proxy's X-Forwarded-Host when TRUST_PROXY=1). */
function requestedHost(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-host"] ?? "").split(",")[0].trim() : "";
  return (forwarded || req.headers.host || "").toLowerCase();
}

/**
 * In production a request addressed to another host name is refused with 421 before anything else runs: the app
 * answers only for its public address, so nothing it renders or mails can be made to name another host.
 */
export function hostCheck(config: Config): RequestHandler {
  if (config.env !== "production") return (_req, _res, next) => next();
  const expected = new URL(publicOrigin(config)).host.toLowerCase();
  return (req, res, next) => {
    if (requestedHost(req, config.trustProxy) === expected) return next();
    res.status(421).type("text/plain; charset=utf-8").send(http.wrongHost);
  };
}
