import type { Namespace, Socket } from "socket.io";
import type { ServerToClient } from "./protocol.js";

/**
 * The signed-in person behind a socket, resolved from the session cookie at connection time and re-loaded from the
 * database by sessionId whenever their access changes (live-recheck.ts).
 */
export type LiveSocketUser = { id: number; sessionId: string; name: string; role: "admin" | "moderator" | "member"; cityId: number | null; city: string | null };
export type LiveSocketData = { user: LiveSocketUser | null };

// Client events are validated with zod at runtime, so their static map stays open.
type AnyEvents = Record<string, (...args: any[]) => void>;
export type LiveNamespace = Namespace<AnyEvents, ServerToClient, AnyEvents, LiveSocketData>;
export type LiveSocket = Socket<AnyEvents, ServerToClient, AnyEvents, LiveSocketData>;
