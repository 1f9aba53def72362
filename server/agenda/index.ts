import type { DbHandle } from "../../db/index.js";
import type { Logger } from "../logger.js";
import type { UpgradeDispatcher } from "../upgrade.js";
import type { AccessChanges } from "../auth/access-changes.js";
import type { SessionUser } from "../../db/repositories/sessions.js";
import { AgendaHub, type AgendaHubOptions } from "./agenda-hub.js";
import { createRedisRelay, type AgendaRelay } from "./agenda-relay.js";
import { createAgendaService, type AgendaNotices, type AgendaService } from "./agenda-service.js";

/**
 * Starts the agenda co-design endpoint: the Yjs hub at /collab (with the Redis relay when REDIS_URL is set) and the
 * agenda service. close() stores every open document, then disconnects Redis.
 */
export async function startAgenda(deps: {
  db: DbHandle;
  logger: Logger;
  upgrade: UpgradeDispatcher;
  redisUrl: string | undefined;
  /** Access changes re-check open connections (sessionUser re-loads their sessions). */
  access?: AccessChanges;
  sessionUser?: (sessionId: string) => Promise<SessionUser | null>;
  options?: AgendaHubOptions;
  notices?: AgendaNotices;
}): Promise<{
  service: AgendaService;
  hub: AgendaHub;
  close: () => Promise<void>;
}> {
  const relay: AgendaRelay | undefined = deps.redisUrl ? await createRedisRelay(deps.redisUrl, deps.logger) : undefined;
  const hub = new AgendaHub({ db: deps.db, logger: deps.logger, relay, access: deps.access, sessionUser: deps.sessionUser }, deps.options);
  deps.upgrade.register("/collab", hub.handleUpgrade);
  const service = createAgendaService({ db: deps.db, hub, logger: deps.logger, access: deps.access, notices: deps.notices });
  return {
    service,
    hub,
    close: async () => {
      await hub.close();
      await relay?.close();
    },
  };
}
