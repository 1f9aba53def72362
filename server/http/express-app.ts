import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express, { type ErrorRequestHandler, type Request } from "express";
import { CSRF_COOKIE, parseCookies, serializeCookie, SESSION_COOKIE } from "../auth/cookies.js";
import type { FrlLoadContext } from "../load-context.js";
import type { AppServices } from "../services.js";
import { bodyLimits } from "./body-limits.js";
import { csrfFor } from "./csrf.js";
import { malformedInput } from "./malformed-input.js";
import { isSameOrigin, siteOrigin } from "./origin.js";
import { hostCheck, publicOrigin } from "./public-url.js";
import { remixBuildLoader } from "./remix-build.js";
import { securityHeaders } from "./security-headers.js";

type Mount = (app: express.Express) => void;

/** Express: security headers, static files, cross-site refusal, then Remix with the typed load context. */
export function createExpressApp(services: AppServices, opts: { mounts?: Mount[] } = {}) {
  const { config, logger } = services;
  const dev = config.env === "development";
  const app = express();
  app.disable("x-powered-by");
  // Nothing reads req.query (Remix parses the URL itself); Express's default parser (qs) ran on every request.
  app.set("query parser", false);
  if (config.trustProxy) app.set("trust proxy", true);
  // Health checks from the load balancer come addressed to the instance, not to the public host name.
  app.get("/healthz", (_req, res) => res.json({ ok: true }));
  app.use(hostCheck(config));
  app.use(securityHeaders({ dev, production: config.env === "production", streamHosts: config.streamHosts }));
  const build = remixBuildLoader(dev);
  app.use(malformedInput(build));

  // gzip or brotli for pages, JSON, CSS and JS when the client accepts it (Vary: Accept-Encoding). WebSocket upgrades
  // (socket.io, /collab) never pass through Express, and no response here is a long-lived stream (no SSE, no defer).
  // socket.io's long-polling transport compresses on its own (engine.io httpCompression), so it is left alone here.
  app.use(compression({ filter: (req, res) => !req.path.startsWith("/socket.io") && compression.filter(req, res) }));

  const buildDir = process.env.FRL_BUILD_DIR;
  const assets = buildDir ? path.resolve(buildDir, "public/build") : path.resolve("public/build");
  app.use("/build", express.static(assets, { immutable: true, maxAge: "1y" }));
  // The few files at the top of public/ (the favicon) are known when the server starts; asking the disk about every
  // page's path first (a failed stat and an error object per request) was a few per cent of a page's CPU.
  const publicFiles = new Set(
    existsSync("public") ? readdirSync("public", { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`) : [],
  );
  const publicStatic = express.static("public", { maxAge: "1h", index: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));

  // Mutations from other sites are refused before any handler runs; the CSRF token is the second lock.
  app.use((req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    if (!isSameOrigin(req, siteOrigin(req, config.publicUrl, config.trustProxy))) {
      res.status(403).type("text/plain; charset=utf-8").send("Żądanie z innej witryny zostało odrzucone.");
      return;
    }
    next();
  });

  for (const mount of opts.mounts ?? []) mount(app);
  app.use(bodyLimits());

  // With PUBLIC_URL (production) the origin is the same for every request: worked out once.
  const fixedOrigin = config.publicUrl ? publicOrigin(config) : null;
  const remixHandler = (serverBuild: typeof build | Awaited<ReturnType<typeof build>>) =>
    createRequestHandler({
      build: serverBuild,
      // Anything but development sanitises errors, so tests see what production users see.
      mode: dev ? "development" : "production",
      getLoadContext: (req: Request, res): FrlLoadContext => {
        const cookies = parseCookies(req.headers.cookie);
        const csrf = csrfFor(config.sessionSecret, cookies[CSRF_COOKIE]);
        const secure = config.env === "production";
        if (csrf.isNew) res.append("Set-Cookie", serializeCookie(CSRF_COOKIE, csrf.cookieValue, { secure }));
        return {
          services,
          user: res.locals.user ?? null,
          csrfToken: csrf.token,
          verifyCsrf: csrf.verify,
          nonce: res.locals.nonce,
          clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
          // Links in mail and calendars: from configuration, never from the Host header (server/http/public-url.ts).
          origin: fixedOrigin ?? publicOrigin(config, req.socket.localPort),
          setCookie: (value) => res.append("Set-Cookie", value),
        };
      },
    });
  // Given a function, Remix re-derives its route tables and static handler from the build on every request (a tenth
  // of a page's CPU with ~70 routes); given the build itself, once. Development keeps the function, which re-imports
  // the build after each rebuild. A build that fails to load is tried again on the next request.
  const devHandler = dev ? remixHandler(build) : null;
  let productionHandler: Promise<ReturnType<typeof remixHandler>> | null = null;
  const handlerFor = async () => {
    if (devHandler) return devHandler;
    productionHandler ??= build().then(remixHandler);
    productionHandler.catch(() => (productionHandler = null));
    return productionHandler;
  };

  // The session is resolved once per request, before Remix, so every loader sees the same user.
  app.all("*", async (req, res, next) => {
    try {
      res.locals.user = await services.auth.resolve(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
      await (await handlerFor())(req, res, next);
    } catch (error) {
      next(error);
    }
  });

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    // A body cut off at its limit makes the reader fail after the 413 went out: expected, not worth a log line.
    if (!res.locals.bodyTooLarge) logger.error("request failed", { error, url: req.originalUrl });
    if (res.headersSent) return res.end();
    res.status(500).type("text/html; charset=utf-8").send(
      "<!doctype html><html lang=\"pl\"><meta charset=\"utf-8\"><title>Błąd serwera</title><h1>Błąd serwera</h1><p>Coś poszło nie tak po naszej stronie. Spróbuj ponownie za chwilę.</p></html>",
    );
  };
  app.use(onError);
  return app;
}
