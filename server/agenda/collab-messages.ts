import type { IncomingHttpHeaders } from "node:http";
import type { SessionUser } from "../../db/repositories/sessions.js";
import type { AgendaHubOptions } from "./agenda-hub.js";

/** What the /collab process needs to start: its own database connection and relay, and the kinds the app decides. */
export type CollabInit = {
  databaseUrl: string;
  redisUrl: string | undefined;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  options: AgendaHubOptions;
  kinds: "network"[];
  /**
   * Also accept /collab connections on this port (decision 0015): the /collab process then checks Origin and resolves
   * the session itself, as the app's upgrade dispatcher does.
   */
  listen?: { port: number; host: string; publicUrl: string | undefined; trustProxy: boolean };
};

/** What the /collab process answers once it serves: its own port when it listens on one. */
export type CollabStarted = { pid: number; port: number | undefined };

/**
 * An accepted upgrade handed over with its socket: the session was resolved and the Origin checked by the app; headers
 * are only those ws reads for the handshake.
 */
export type CollabUpgrade = { url: string; headers: IncomingHttpHeaders; head: string; user: SessionUser | null; origin: string };

/** The /collab process asks the app whether an actor may open a document of another kind (network notes). */
export type DecideRequest = { kind: "network"; id: number; actor: { id: number; role: SessionUser["role"]; cityId: number | null } };

/** What the /collab process reports about itself (the benchmark reads its heap; an operator its documents). */
export type CollabStats = { pid: number; openDocuments: number; heapUsed: number };
