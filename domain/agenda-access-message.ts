// The /collab message that tells a client whether the server takes its edits. y-websocket knows sync (0),
// awareness (1), auth (2) and query-awareness (3); this one is ours. The server sends it right after accepting a
// connection and again whenever the connection's access changes (co-design closed or reopened while connected), so
// an editor that became read-only stops offering edits the server would drop.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export const MESSAGE_ACCESS = 100;

/** What the server does with this connection's document updates. */
export type AgendaAccessMode = "edit" | "read";

/** The whole message: type, then the mode as a string. */
export function encodeAccessMessage(mode: AgendaAccessMode): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_ACCESS);
  encoding.writeVarString(encoder, mode);
  return encoding.toUint8Array(encoder);
}

/** Reads the mode after the type was read; anything unknown reads as "read" (never offer edits by mistake). */
export function readAccessMode(decoder: decoding.Decoder): AgendaAccessMode {
  return decoding.readVarString(decoder) === "edit" ? "edit" : "read";
}
