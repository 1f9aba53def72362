import type { DbHandle } from "../../db/index.js";
import type { Logger } from "../logger.js";
import type { UpgradeDispatcher } from "../upgrade.js";
import type { AccessChanges } from "../auth/access-changes.js";
import type { SessionUser } from "../../db/repositories/sessions.js";
import { AgendaHub, type AgendaDocs, type AgendaHubOptions } from "./agenda-hub.js";
import { CollabProcess } from "./collab-host.js";
import type { CollabInit } from "./collab-messages.js";
import { createRedisRelay, type AgendaRelay } from "./agenda-relay.js";
import { createAgendaService, type AgendaNotices, type AgendaService } from "./agenda-service.js";

/**
 * Starts the agenda co-design endpoint: the Yjs hub at /collab (with the Redis relay when REDIS_URL is set) and the
 * agenda service. With `collabProcess` the hub runs in its own process (server/agenda/collab-process.ts) and this one
 * hands it the accepted upgrades. close() stores every open document, then disconnects Redis.
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
  /** Serve /collab from its own process, which opens this database itself (a file or PostgreSQL, not :memory:). */
  collabProcess?: Pick<CollabInit, "databaseUrl" | "logLevel" | "listen">;
}): Promise<{
  service: AgendaService;
  docs: AgendaDocs;
  /** The /collab process, when /collab is served from one. */
  collab: CollabProcess | undefined;
  close: () => Promise<void>;
}> {
  if (deps.collabProcess) {
    const collab = new CollabProcess({ init: { ...deps.collabProcess, redisUrl: deps.redisUrl, options: deps.options ?? {} }, logger: deps.logger, access: deps.access });
    await collab.start();
    deps.upgrade.register("/collab", collab.handleUpgrade);
    const service = createAgendaService({ db: deps.db, hub: collab, logger: deps.logger, access: deps.access, notices: deps.notices });
    return { service, docs: collab, collab, close: () => collab.close() };
  }
  const relay: AgendaRelay | undefined = deps.redisUrl ? await createRedisRelay(deps.redisUrl, deps.logger) : undefined;
  const hub = new AgendaHub({ db: deps.db, logger: deps.logger, relay, access: deps.access, sessionUser: deps.sessionUser }, deps.options);
  deps.upgrade.register("/collab", hub.handleUpgrade);
  const service = createAgendaService({ db: deps.db, hub, logger: deps.logger, access: deps.access, notices: deps.notices });
  return {
    service,
    docs: hub,
    collab: undefined,
    close: async () => {
      await hub.close();
      await relay?.close();
    },
  };
}
