import type { IncomingMessage } from "node:http";
import type { RequestHandler, Response } from "express";
import { http } from "../../domain/i18n/pl/http.js";
import { CSRF_COOKIE, parseCookies } from "../auth/cookies.js";
import { MAX_ATTACHMENT_BYTES } from "../library/file-check.js";

const MB = 1024 * 1024;
/** Ordinary forms (login, registration, event and library texts…). */
export const FORM_BODY_LIMIT = 1 * MB;
/** Multipart uploads: the documented 25 MB attachment plus room for the other fields and part headers. */
export const UPLOAD_BODY_LIMIT = MAX_ATTACHMENT_BYTES + 256 * 1024;

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * POSTs authorised by a signed token in their URL rather than a session: RFC 8058 one-click unsubscribe is sent by
 * mail clients, which never loaded a page of ours and have no CSRF cookie. The body limit still applies.
 */
const TOKEN_AUTHORISED = new Set(["/powiadomienia/wypisz"]);

function limitFor(req: IncomingMessage): { bytes: number; message: string } {
  const multipart = /^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "");
  return multipart
    ? { bytes: UPLOAD_BODY_LIMIT, message: http.uploadTooLarge(MAX_ATTACHMENT_BYTES / MB) }
    : { bytes: FORM_BODY_LIMIT, message: http.formTooLarge(FORM_BODY_LIMIT / MB) };
}

function refuse(res: Response, status: 403 | 413, message: string): void {
  // Closing the connection stops the client from sending the rest of a body nobody is going to read.
  res.status(status).set("Connection", "close").type("text/plain; charset=utf-8").send(message);
}

/**
 * Runs before Remix reads a form body (the cross-site Origin check has already run). A mutation from a browser that
 * never loaded one of our pages (no CSRF cookie) cannot carry a valid token, so it is refused before its body is
 * read. Bodies over the limit get 413: at once when Content-Length says so, otherwise as soon as the streamed bytes
 * pass it; the reader then sees an error instead of the end of the body, so a cut-off form is never acted upon.
 */
export function bodyLimits(): RequestHandler {
  return (req, res, next) => {
    if (BODYLESS.has(req.method)) return next();
    if (!parseCookies(req.headers.cookie)[CSRF_COOKIE] && !TOKEN_AUTHORISED.has(req.path)) return refuse(res, 403, http.noCsrfCookie);
    const limit = limitFor(req);
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (declared > limit.bytes) return refuse(res, 413, limit.message);

    let received = 0;
    let over = false;
    const emit = req.emit.bind(req);
    // Counting at the source covers every reader (Remix's body stream listens for "data" on this request).
    req.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (over && (event === "data" || event === "end")) return false;
      if (event === "data") {
        received += (args[0] as Buffer).length;
        if (received > limit.bytes) {
          over = true;
          res.locals.bodyTooLarge = true;
          refuse(res, 413, limit.message);
          // The reader listens for errors once it reads; without one, an "error" event would crash the process.
          return req.listenerCount("error") > 0 ? emit("error", new Error("request body over the limit")) : false;
        }
      }
      return emit(event, ...args);
    }) as typeof req.emit;
    next();
  };
}
