import type { ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { common as t } from "../../domain/i18n/pl/common.js";

// Methods the app answers; anything else (TRACE, CONNECT, PROPFIND...) would reach Remix, whose Fetch Request
// refuses it with a TypeError that surfaced as a 500.
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/** True when every percent-escape in the path decodes to UTF-8 (Express and Remix throw a URIError otherwise). */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Sends a 4xx as JSON `{ error: { code, message } }` to the JSON API and as a small Polish page to everyone else. */
export function sendClientError(req: Request, res: Response, status: number, code: string, message: string): void {
  if (req.path.startsWith("/api/")) {
    res.status(status).json({ error: { code, message } });
    return;
  }
  const title = t.errors.badRequestTitle;
  res
    .status(status)
    .type("text/html; charset=utf-8")
    .send(
      `<!doctype html><html lang="pl"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — ${t.appName}</title>` +
        `<main><h1>${title}</h1><p>${message}</p><p><a href="/">${t.errors.goHome}</a></p></main></html>`,
    );
}

/** Regexes of the URL patterns whose route has an action (full paths: children joined to their parents). */
const actionPatterns = new WeakMap<ServerBuild, RegExp[]>();
function actionRoutes(build: ServerBuild): RegExp[] {
  let found = actionPatterns.get(build);
  if (found) return found;
  const full = (id: string): string => {
    const r = build.routes[id];
    return [r.parentId ? full(r.parentId) : "", r.path ?? ""].filter(Boolean).join("/");
  };
  const toRegex = (pattern: string) =>
    new RegExp("^/" + pattern.split("/").map((seg) => (seg === "*" ? ".*" : seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/") + "/?$");
  found = Object.keys(build.routes)
    .filter((id) => build.routes[id].module.action)
    .map((id) => toRegex(full(id)));
  actionPatterns.set(build, found);
  return found;
}

/**
 * Refuses requests the app cannot read before any router sees them: unknown methods (405), paths with broken
 * percent-encoding (400), and bodies to pages that are not HTML forms (415). Runs ahead of the socket.io mount, which
 * has its own body formats and is therefore let through untouched. Body size limits live with sec-http.
 */
export function malformedInput(build: () => Promise<ServerBuild>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!METHODS.has(req.method)) {
      res.setHeader("Allow", [...METHODS].join(", "));
      return sendClientError(req, res, 405, "method_not_allowed", t.errors.methodNotAllowed);
    }
    const rawPath = (req.originalUrl ?? req.url).split("?")[0];
    if (!isDecodablePath(rawPath)) return sendClientError(req, res, 400, "bad_path", t.errors.badAddress);
    if (rawPath === "/socket.io" || rawPath.startsWith("/socket.io/")) return next();
    if (!["POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(req.method)) return next();
    // Remix answers a POST to a route without an action with an English 405 ("Unexpected Server Error" on resource
    // routes) and OPTIONS with a 405 as well; answer both here, before reading any body.
    let hasAction: boolean;
    try {
      const path = decodeURIComponent(rawPath);
      hasAction = actionRoutes(await build()).some((re) => re.test(path));
    } catch (error) {
      return next(error);
    }
    res.setHeader("Allow", hasAction ? "GET, HEAD, POST" : "GET, HEAD");
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    if (!hasAction) return sendClientError(req, res, 405, "method_not_allowed", t.errors.methodNotAllowed);
    if (hasBody(req) && !FORM_TYPES.test(req.headers["content-type"] ?? "")) {
      return sendClientError(req, res, 415, "unsupported_media_type", t.errors.unsupportedForm);
    }
    next();
  };
}

function hasBody(req: Request): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}
