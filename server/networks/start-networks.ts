import type { DbHandle } from "../../db/index.js";
import type { AgendaDocs } from "../agenda/agenda-hub.js";
import type { AccessChanges } from "../auth/access-changes.js";
import { seedDemoNetworks } from "./demo-networks.js";
import { createNetworkService, type NetworkService } from "./network-service.js";
import { createNetworkNotices } from "./network-notices.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { NotificationService } from "../notifications/notification-service.js";
import type { SearchRuntime } from "../search/search-runtime.js";

/**
 * Creates the network service and lets /collab serve `network:<id>` notes: members and staff edit, other signed-in
 * people are refused (4403), anonymous ones too (4401, decided by the hub before this runs), unknown networks 4404.
 */
export async function startNetworks(deps: {
  db: DbHandle;
  access: AccessChanges;
  hub: AgendaDocs;
  demo: boolean;
  jobs: JobQueue;
  notifications: NotificationService;
  origin: () => string;
  search: SearchRuntime;
}): Promise<NetworkService> {
  const notices = createNetworkNotices({ db: deps.db.db, queue: deps.jobs, notifications: deps.notifications, origin: deps.origin });
  const search = { engine: deps.search.engine, kick: () => void deps.search.indexer.kick() };
  const service = createNetworkService({ db: deps.db, access: deps.access, notices, search });
  deps.hub.registerDocKind("network", async (id, actor) => {
    const access = await service.access(id, actor);
    if (access === null) return null;
    return access === "public" ? "none" : "edit";
  });
  // After the demo library, so networks can link its items as materials.
  if (deps.demo) await seedDemoNetworks(deps.db, service);
  return service;
}
