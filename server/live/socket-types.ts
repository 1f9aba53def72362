import type { Namespace, Socket } from "socket.io";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from "../../domain/live-protocol.js";

/**
 * The signed-in person behind a socket, resolved from the session cookie at connection time and re-loaded from the
 * database by sessionId whenever their access changes (live-recheck.ts).
 */
export type LiveSocketUser = { id: number; sessionId: string; name: string; role: "admin" | "moderator" | "member"; cityId: number | null; city: string | null };
export type LiveSocketData = { user: LiveSocketUser | null };

// Both directions typed from domain/live-protocol.ts, the same maps the browser's Socket uses. Client payloads are still
// parsed with zod at runtime (live-handlers.ts): the static types say what a well-behaved client sends.
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, InterServerEvents, LiveSocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, LiveSocketData>;
