import { createServer, type Server } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { createDb } from "../db/index.js";
import { migrateToLatest } from "../db/migrate.js";
import { purgeExpiredSessions } from "../db/repositories/sessions.js";
import { createAccessChanges } from "./auth/access-changes.js";
import { createAuthService } from "./auth/auth-service.js";
import { createUserDirectory } from "./auth/user-directory.js";
import { createAreaService } from "./areas/area-service.js";
import { createAuditService } from "./audit/audit-service.js";
import { createCityDirectory } from "./cities/city-directory.js";
import { createCityClaimService } from "./cities/city-claim-service.js";
import { createRateLimiter } from "./auth/rate-limit.js";
import { startAgenda } from "./agenda/index.js";
import type { CollabProcess } from "./agenda/collab-host.js";
import type { Config } from "./config.js";
import { publicOrigin } from "./http/public-url.js";
import { createEventService } from "./events/event-service.js";
import { startLibrary } from "./library/start-library.js";
import { createExpressApp } from "./http/express-app.js";
import { createLiveHub } from "./live/live-hub.js";
import { createJobQueue } from "./jobs/index.js";
import { createNotificationService } from "./notifications/notification-service.js";
import { createLogger } from "./logger.js";
import { startNetworks } from "./networks/start-networks.js";
import { createFileMailer, createSmtpMailer } from "./mail/mailer.js";
import { seedDemoData, seedReferenceData } from "./seed/demo-seed.js";
import type { AppServices } from "./services.js";
import { UpgradeDispatcher } from "./upgrade.js";
import { createSurveyService } from "./surveys/survey-service.js";
import { seedDemoSurvey } from "./surveys/demo-survey.js";
import "./validation/polish-zod.js";

export type RunningApp = {
  server: Server;
  services: AppServices;
  /** The /collab process, when co-editing is served from one (config.collabProcess). */
  collab: CollabProcess | undefined;
  url: string;
  close: () => Promise<void>;
};

/**
 * The composition root's body: creates every service once, wires HTTP and upgrades on one server, and returns a
 * close() that stops sockets, the server and the database in that order. server/index.ts and the tests both use it.
 */
export async function startApp(config: Config): Promise<RunningApp> {
  const logger = createLogger(config.logLevel);
  const db = createDb(config.databaseUrl);
  await migrateToLatest(db.db);
  await seedReferenceData(db);
  if (config.demo) await seedDemoData(db, logger);
  if (config.demo) await seedDemoSurvey(db);

  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : createFileMailer(path.join(config.dataDir, "mail"), config.mailFrom);
  const limiter = await createRateLimiter(config.redisUrl, config.rateLimitPrefix, logger);
  const access = await createAccessChanges({ redisUrl: config.redisUrl, channel: config.accessRedisChannel, logger });
  const auth = createAuthService({ db, mailer, limiter, access });
  const cityClaims = createCityClaimService({ db, mailer, logger, onAccessChanged: (userId) => access.userChanged(userId) });
  const jobs = await createJobQueue({ db, databaseUrl: config.databaseUrl, logger, pollMs: config.jobsPollMs, retryBaseMs: config.jobsRetryBaseMs });
  // Links in mail come from PUBLIC_URL, or the local address once the port is known (PORT=0 in tests).
  let origin = publicOrigin(config);
  const notifications = createNotificationService({ db, mailer, queue: jobs, logger, secret: config.sessionSecret, mailFrom: config.mailFrom, origin: () => origin });
  const events = createEventService({ db, mailer, logger, notices: notifications });
  const upgrade = new UpgradeDispatcher({ resolveSession: auth.resolve, publicUrl: config.publicUrl, trustProxy: config.trustProxy, logger });
  const lib = await startLibrary({ config, db, logger, events, notices: notifications.content });

  const agenda = await startAgenda({
    db,
    logger,
    upgrade,
    redisUrl: config.redisUrl,
    access,
    sessionUser: auth.sessionUser,
    notices: notifications.content,
    collabProcess: config.collabProcess
      ? {
          databaseUrl: config.databaseUrl,
          logLevel: config.logLevel,
          listen: config.collabPort === undefined ? undefined : { port: config.collabPort, host: config.host, publicUrl: config.publicUrl, trustProxy: config.trustProxy },
        }
      : undefined,
  });
  const pageReads = { areas: createAreaService({ db }), cities: createCityDirectory({ db }), users: createUserDirectory({ db }), audit: createAuditService({ db }) };
  const surveys = createSurveyService({ db, mailer, logger, hub: agenda.docs, events, queue: jobs, notifications, origin: () => origin });
  const networks = await startNetworks({ db, access, hub: agenda.docs, demo: config.demo, jobs, notifications, origin: () => origin, search: lib.search });
  const liveHub = await createLiveHub({ config, logger, db, mailer, limiter, auth, access, events, upgrade, library: lib.library, search: lib.search, agenda: agenda.service, cityClaims, surveys, networks, jobs, notifications, ...pageReads });
  const services: AppServices = { config, logger, db, mailer, limiter, auth, access, events, upgrade, library: lib.library, search: lib.search, live: liveHub.service, agenda: agenda.service, cityClaims, surveys, networks, jobs, notifications, ...pageReads };
  // Realtime hubs and the search engine register here (later: search indexer, agenda, live rooms).
  const closers: (() => Promise<void> | void)[] = [];
  closers.push(lib.close);
  closers.push(agenda.close);
  closers.push(liveHub.close);

  const app = createExpressApp(services, { mounts: [liveHub.mount] });
  const server = createServer(app);
  upgrade.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Where this process answers locally: the configured host (localhost when listening on every interface).
  const url = publicOrigin({ ...config, publicUrl: undefined }, port);
  origin = publicOrigin(config, port);
  await jobs.start();

  const sweep = setInterval(() => void purgeExpiredSessions(db.db).catch(() => {}), 3600_000);
  sweep.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweep);
      await jobs.stop();
      for (const c of closers.reverse()) await c();
      upgrade.destroyAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await access.close();
      await limiter.close();
      await db.close();
    })());

  return { server, services, collab: agenda.collab, url, close };
}
