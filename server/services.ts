import type { DbHandle } from "../db/index.js";
import type { AccessChanges } from "./auth/access-changes.js";
import type { AreaService } from "./areas/area-service.js";
import type { AuditService } from "./audit/audit-service.js";
import type { CityDirectory } from "./cities/city-directory.js";
import type { UserDirectory } from "./auth/user-directory.js";
import type { AuthService } from "./auth/auth-service.js";
import type { RateLimiter } from "./auth/rate-limit.js";
import type { AgendaService } from "./agenda/agenda-service.js";
import type { CityClaimService } from "./cities/city-claim-service.js";
import type { Config } from "./config.js";
import type { EventService } from "./events/event-service.js";
import type { LibraryService } from "./library/library-service.js";
import type { SearchRuntime } from "./search/search-runtime.js";
import type { LiveService } from "./live/live-service.js";
import type { NetworkService } from "./networks/network-service.js";
import type { Logger } from "./logger.js";
import type { Mailer } from "./mail/mailer.js";
import type { UpgradeDispatcher } from "./upgrade.js";
import type { SurveyService } from "./surveys/survey-service.js";
import type { JobQueue } from "./jobs/job-queue.js";
import type { NotificationService } from "./notifications/notification-service.js";

/** The services created once in the composition root and handed to every loader, action and socket handler. */
export type AppServices = {
  config: Config;
  logger: Logger;
  db: DbHandle;
  mailer: Mailer;
  limiter: RateLimiter;
  auth: AuthService;
  /** Tell it when someone's rights change: open live and /collab connections are re-checked on every instance. */
  access: AccessChanges;
  events: EventService;
  upgrade: UpgradeDispatcher;
  /** Library items (issue 3). */
  library: LibraryService;
  /** Search engine and the outbox indexer that feeds it. */
  search: SearchRuntime;
  agenda: AgendaService;
  live: LiveService;
  /** City affiliation claims and their review (issue 10). */
  cityClaims: CityClaimService;
  /** Reads for pages (routes never import db/): thematic areas, the town directory, accounts, the audit log. */
  areas: AreaService;
  cities: CityDirectory;
  users: UserDirectory;
  audit: AuditService;
  /** City surveys and the road from their answers to the agenda (issue 13). */
  surveys: SurveyService;
  /** Networks of experience exchange (issue 14). */
  networks: NetworkService;
  /** Durable background work: pg-boss on PostgreSQL, a polled jobs table on SQLite (issue 15). */
  jobs: JobQueue;
  /** In-app notifications, notification mail, reminders; other domains call notifications.notify(). */
  notifications: NotificationService;
};
