import type { WebSocket } from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { encodeAccessMessage } from "../../domain/agenda-access-message.js";
import type { Logger } from "../logger.js";
import { CLOSE, CLOSE_REASON, LIMITS } from "./close-codes.js";
import { guardVotes } from "./vote-guard.js";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

/** Transaction origins that are not a local connection. */
export const ORIGIN = { load: "load", relay: "relay", server: "server" } as const;

/** Who a connection belongs to, from the session: presence shows this, not what the client claims. */
export type ConnectionUser = { id: number; name: string; city: string };

export type Connection = {
  ws: WebSocket;
  userId: number;
  /** The session the connection was opened with: ending it (logout) closes the connection. */
  sessionId: string;
  user: ConnectionUser;
  readOnly: boolean;
  awarenessIds: Set<number>;
  tokens: number;
  lastRefill: number;
  droppedUpdates: number;
  /** Logged once per connection: awareness entries for someone else's client id were dropped. */
  awarenessWarned: boolean;
};

/** What a room tells its owner; one object serves every room (nothing per document is allocated for it). */
export type RoomHooks = {
  /** A change that must be stored (from a local connection or the server itself). */
  persist: (room: AgendaRoom, update: Uint8Array) => void;
  /** A y-websocket message to relay to other instances. */
  relay: (room: AgendaRoom, message: Uint8Array) => void;
  /** Whether other instances listen (a relay is configured): without one, messages for them are not even built. */
  relays: () => boolean;
  /** The last connection left. */
  empty: (room: AgendaRoom) => void;
};

/**
 * A new Y.Doc for a room. The document's name is its guid: without one, Y.Doc draws a random UUID from the system's
 * random source for every document opened.
 */
export function newRoomDoc(name: string): Y.Doc {
  return new Y.Doc({ gc: true, guid: name });
}

/** The user behind a transaction's origin: a local connection's session user, else null (load, relay, server). */
function connectionUser(origin: unknown): ConnectionUser | null {
  return origin && typeof origin === "object" && "userId" in origin ? (origin as Connection).user : null;
}

/**
 * One open document on this instance: the Y.Doc, its awareness and its connections. Speaks the y-websocket protocol
 * through y-protocols, drops updates from read-only connections and enforces the per-connection limits.
 */
export class AgendaRoom {
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Map<WebSocket, Connection>();
  docBytes = 0;
  changedSinceHistory = false;

  /** doc: the document as loaded (newRoomDoc); the room's listeners and the vote guard attach to it from here on. */
  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private hooks: RoomHooks,
    private logger: Logger,
  ) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    guardVotes(this.doc, { userOf: connectionUser, onViolation: this.voteRefused.bind(this) });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === ORIGIN.load) return;
      this.docBytes += update.byteLength;
      // Built once, and only when someone receives it (a server change to a document nobody has open reaches no one).
      let message: Uint8Array | undefined;
      for (const c of this.conns.values()) if (c !== origin) send(c.ws, (message ??= syncUpdateMessage(update)));
      if (origin === ORIGIN.relay) return;
      this.changedSinceHistory = true;
      this.hooks.persist(this, update);
      if (this.hooks.relays()) this.hooks.relay(this, message ?? syncUpdateMessage(update));
    });
    this.awareness.on("update", ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = added.concat(updated, removed);
      const conn = origin && typeof origin === "object" ? this.conns.get((origin as Connection).ws) : undefined;
      if (conn) {
        for (const id of added) conn.awarenessIds.add(id);
        for (const id of removed) conn.awarenessIds.delete(id);
        for (const id of added.concat(updated)) this.stampIdentity(conn, id);
      }
      const message = awarenessMessage(this.awareness, changed);
      for (const c of this.conns.values()) send(c.ws, message);
      if (origin !== ORIGIN.relay) this.hooks.relay(this, message);
    });
  }

  /** Adds an accepted socket: sends sync step 1 and the current awareness, then listens. */
  add(ws: WebSocket, user: ConnectionUser, readOnly: boolean, sessionId: string): Connection {
    const conn: Connection = { ws, userId: user.id, sessionId, user, readOnly, awarenessIds: new Set(), tokens: LIMITS.rateBurst, lastRefill: Date.now(), droppedUpdates: 0, awarenessWarned: false };
    this.conns.set(ws, conn);
    ws.binaryType = "arraybuffer";
    ws.on("message", (data: ArrayBuffer | Buffer) => this.onMessage(conn, data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on("close", () => this.remove(conn));
    ws.on("error", () => ws.terminate());
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, this.doc);
    send(ws, encoding.toUint8Array(step1));
    const states = this.awareness.getStates();
    if (states.size > 0) send(ws, awarenessMessage(this.awareness, [...states.keys()]));
    send(ws, encodeAccessMessage(readOnly ? "read" : "edit"));
    return conn;
  }

  /**
   * Changes whether this connection's edits are taken, and tells its client, so an open editor turns read-only (or
   * editable again) instead of showing edits that are silently dropped.
   */
  setReadOnly(conn: Connection, readOnly: boolean): void {
    if (conn.readOnly === readOnly) return;
    conn.readOnly = readOnly;
    send(conn.ws, encodeAccessMessage(readOnly ? "read" : "edit"));
  }

  /** Closes one connection with a code (limits, shutdown). */
  kick(conn: Connection, code: number): void {
    this.logger.warn("agenda: connection closed", { doc: this.name, userId: conn.userId, code, reason: CLOSE_REASON[code] });
    conn.ws.close(code, CLOSE_REASON[code]);
    this.remove(conn);
  }

  /** Handles a y-websocket message that came from another instance; returns a reply to relay back, if any. */
  applyRelayed(message: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), ORIGIN.relay);
      return null;
    }
    if (type !== MESSAGE_SYNC) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.readSyncMessage(decoder, encoder, this.doc, ORIGIN.relay);
    return encoding.length(encoder) > 1 ? encoding.toUint8Array(encoder) : null;
  }

  /** Closes every connection with a code (shutdown) without touching the document. */
  closeConnections(code: number = CLOSE.shuttingDown): void {
    for (const c of [...this.conns.values()]) {
      c.ws.close(code, CLOSE_REASON[code]);
      this.remove(c, false);
    }
  }

  /** Closes every connection and releases the document and its awareness timer. */
  destroy(code: number = CLOSE.shuttingDown): void {
    this.closeConnections(code);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private voteRefused(userId: number, what: string): void {
    this.logger.warn("agenda: vote change refused", { doc: this.name, userId, what });
  }

  /**
   * Presence names come from the session, not the client: a state claiming another name, city or id is corrected in
   * place before it is broadcast (the client keeps its colour, cursor and the session it edits).
   */
  private stampIdentity(conn: Connection, clientId: number): void {
    const state = this.awareness.getStates().get(clientId);
    const claimed = state?.user as Partial<ConnectionUser> | undefined;
    if (!state || !claimed) return;
    if (claimed.id === conn.user.id && claimed.name === conn.user.name && claimed.city === conn.user.city) return;
    state.user = { ...claimed, id: conn.user.id, name: conn.user.name, city: conn.user.city };
  }

  /**
   * The part of an awareness update this connection may write: its own client ids, ids nobody holds, and ids held by
   * another connection of the same person (a reconnect before the old socket was noticed gone; the id moves over).
   * Entries for anyone else's client id (taking over their caret, name or "editing", or removing them) are dropped.
   */
  private ownAwareness(conn: Connection, update: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const first = decoder.pos;
    let keptCount = 0;
    // The kept entries, copied only once one is dropped: a client writing its own state (every cursor move) is read
    // without decoding its JSON or allocating anything.
    let entries: encoding.Encoder | null = null;
    for (let i = 0; i < count; i++) {
      const start = decoder.pos;
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // clock
      decoding.readVarUint8Array(decoder); // the state: a length-prefixed JSON string, skipped
      if (this.mayWriteAwareness(conn, clientId)) {
        keptCount += 1;
        if (entries) encoding.writeUint8Array(entries, update.subarray(start, decoder.pos));
      } else if (!entries) {
        entries = encoding.createEncoder();
        encoding.writeUint8Array(entries, update.subarray(first, start));
      }
    }
    if (keptCount < count && !conn.awarenessWarned) {
      conn.awarenessWarned = true;
      this.logger.warn("agenda: awareness for another connection's client id dropped", { doc: this.name, userId: conn.userId });
    }
    if (keptCount === 0) return null;
    // The usual case (a client writing its own state) passes the update on as it came, without re-encoding it.
    if (keptCount === count || !entries) return update;
    const kept = encoding.createEncoder();
    encoding.writeVarUint(kept, keptCount);
    encoding.writeUint8Array(kept, encoding.toUint8Array(entries));
    return encoding.toUint8Array(kept);
  }

  private mayWriteAwareness(conn: Connection, clientId: number): boolean {
    if (conn.awarenessIds.has(clientId)) return true;
    if (clientId === this.doc.clientID) return false;
    for (const other of this.conns.values()) {
      if (other === conn || !other.awarenessIds.has(clientId)) continue;
      if (other.userId !== conn.userId) return false;
      other.awarenessIds.delete(clientId);
      conn.awarenessIds.add(clientId);
      return true;
    }
    // Held through another instance: its user was stamped there from that connection's session.
    const remote = this.awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined;
    if (remote === undefined) return true;
    if (remote.user?.id !== conn.userId) return false;
    conn.awarenessIds.add(clientId);
    return true;
  }

  private remove(conn: Connection, notify = true): void {
    if (!this.conns.delete(conn.ws)) return;
    if (conn.awarenessIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (conn.droppedUpdates) this.logger.warn("agenda: read-only updates dropped", { doc: this.name, userId: conn.userId, count: conn.droppedUpdates });
    if (notify && this.conns.size === 0) this.hooks.empty(this);
  }

  private allow(conn: Connection): boolean {
    const now = Date.now();
    conn.tokens = Math.min(LIMITS.rateBurst, conn.tokens + ((now - conn.lastRefill) / 1000) * LIMITS.ratePerSecond);
    conn.lastRefill = now;
    conn.tokens -= 1;
    return conn.tokens >= 0;
  }

  private onMessage(conn: Connection, message: Uint8Array): void {
    if (!this.conns.has(conn.ws)) return;
    if (message.byteLength > LIMITS.maxMessageBytes) return this.kick(conn, CLOSE.updateTooLarge);
    if (!this.allow(conn)) return this.kick(conn, CLOSE.rateLimited);
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_AWARENESS) {
        const own = this.ownAwareness(conn, decoding.readVarUint8Array(decoder));
        if (own) awarenessProtocol.applyAwarenessUpdate(this.awareness, own, conn);
        return;
      }
      if (type !== MESSAGE_SYNC) return this.kick(conn, CLOSE.malformed);
      const subtype = decoding.peekVarUint(decoder);
      if (subtype !== syncProtocol.messageYjsSyncStep1) {
        if (conn.readOnly) {
          // Sync step 2 of a read-only client is its own (possibly empty) diff; anything with content is an edit.
          decoding.readVarUint(decoder);
          const update = decoding.readVarUint8Array(decoder);
          if (!isEmptyUpdate(update)) {
            conn.droppedUpdates += 1;
            if (conn.droppedUpdates === 1) this.logger.warn("agenda: update from read-only participant dropped", { doc: this.name, userId: conn.userId });
          }
          return;
        }
        if (this.docBytes + message.byteLength > LIMITS.maxDocumentBytes) return this.kick(conn, CLOSE.documentTooLarge);
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, conn);
      if (encoding.length(encoder) > 1) send(conn.ws, encoding.toUint8Array(encoder));
    } catch (error) {
      this.logger.warn("agenda: malformed message", { doc: this.name, userId: conn.userId, error: String(error) });
      this.kick(conn, CLOSE.malformed);
    }
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

function isEmptyUpdate(update: Uint8Array): boolean {
  // An update with no structs and an empty delete set encodes as [0, 0].
  return update.byteLength <= 2 && update.every((b) => b === 0);
}

/** A sync "update" message (what y-websocket broadcasts for every change). */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

// No write callback: a failed write destroys the socket and closes the WebSocket (ws handles the socket's error), and
// the room drops the connection on "close". A callback per send was one closure per recipient of every update.
function send(ws: WebSocket, message: Uint8Array): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(message);
}
