import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type * as Y from "yjs";
import type { DbHandle } from "../../db/index.js";
import { findAgendaAccessFacts, findAgendaSettings } from "../../db/repositories/agenda.js";
import { agendaAccess } from "../auth/permissions.js";
import type { Logger } from "../logger.js";
import type { UpgradeContext } from "../upgrade.js";
import type { AccessChanges } from "../auth/access-changes.js";
import type { SessionUser } from "../../db/repositories/sessions.js";
import { createAgendaRecheck, type AgendaRecheck } from "./agenda-recheck.js";
import { AgendaPersistence, StoredStateUnreadableError, type PersistenceOptions } from "./agenda-persistence.js";
import { noRelay, type AgendaRelay } from "./agenda-relay.js";
import { AgendaRoom, MESSAGE_SYNC, newRoomDoc, type RoomHooks } from "./agenda-room.js";
import { CLOSE, CLOSE_REASON } from "./close-codes.js";
import { parseCollabPath } from "./doc-name.js";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";

export type AgendaHubOptions = PersistenceOptions & { idleCloseMs?: number; pingMs?: number };

/** Decides access to a non-agenda document by its id for a signed-in actor; null when there is no such document. */
export type DocAccessResolver = (id: number, actor: { id: number; role: SessionUser["role"]; cityId: number | null }) => Promise<"edit" | "read" | "none" | null>;

/**
 * What the rest of the app uses of /collab's documents, served in this process (AgendaHub) or in the /collab process
 * (CollabProcess): the server's own reads and edits, and access decisions for other document kinds.
 */
export type AgendaDocs = {
  /** Runs fn against the live document (opening it from storage if needed); its changes are stored and broadcast. */
  withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T>;
  registerDocKind(kind: "network", resolver: DocAccessResolver): void;
};

/**
 * The /collab endpoint: decides access before accepting, loads the stored document BEFORE the first sync message is
 * sent (so no client ever syncs against an empty document), and owns the open rooms of this instance.
 */
export class AgendaHub implements AgendaDocs {
  readonly persistence: AgendaPersistence;
  private wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  private rooms = new Map<string, AgendaRoom>();
  private opening = new Map<string, Promise<AgendaRoom>>();
  private closing = new Map<string, Promise<void>>();
  private idle = new Map<string, NodeJS.Timeout>();
  private alive = new WeakSet<WebSocket>();
  private ping: NodeJS.Timeout;
  private closed = false;
  private readonly idleCloseMs: number;
  private readonly recheck: AgendaRecheck;
  private unsubscribe: () => void = () => {};
  // Bumped on every access change, so a connection accepted while one was announced is re-checked once it is set up.
  private accessGeneration = 0;
  private readonly resolvers = new Map<string, DocAccessResolver>();

  constructor(
    private deps: { db: DbHandle; logger: Logger; relay?: AgendaRelay; access?: Pick<AccessChanges, "subscribe">; sessionUser?: (sessionId: string) => Promise<SessionUser | null> },
    opts: AgendaHubOptions = {},
  ) {
    this.recheck = createAgendaRecheck({
      db: deps.db,
      logger: deps.logger,
      sessionUser: deps.sessionUser ?? (async () => null),
      rooms: () => this.rooms.values(),
      resolver: (kind) => this.resolvers.get(kind),
    });
    if (deps.access) {
      this.unsubscribe = deps.access.subscribe((change) => {
        this.accessGeneration += 1;
        return this.recheck.onChange(change);
      });
    }
    this.persistence = new AgendaPersistence(deps.db, deps.logger, opts);
    this.idleCloseMs = opts.idleCloseMs ?? 5_000;
    this.ping = setInterval(() => this.pingAll(), opts.pingMs ?? 30_000);
    this.ping.unref();
  }

  // Shared by every room: closures per room would be kept for as long as its document is open.
  private readonly roomHooks: RoomHooks = {
    persist: (room, update) => this.persistence.store(room.name, update),
    relay: (room, message) => this.relay.publish(room.name, message),
    relays: () => this.deps.relay !== undefined,
    empty: (room) => this.scheduleIdleClose(room),
  };

  private get relay(): AgendaRelay {
    return this.deps.relay ?? noRelay;
  }

  /** Upgrade handler for `/collab/<docName>` (registered with the UpgradeDispatcher). */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, ctx: UpgradeContext): void => {
    void this.accept(req, socket, head, ctx).catch((error) => {
      this.deps.logger.error("agenda: upgrade failed", { error });
      this.refuse(req, socket, head, CLOSE.loadFailed);
    });
  };

  /**
   * Serves `<kind>:<id>` documents (issue 14: `network:<id>` notes) with the same close codes, persistence and relay
   * as agendas; the resolver decides access on connect and on every access change.
   */
  registerDocKind(kind: "network", resolver: DocAccessResolver): void {
    this.resolvers.set(kind, resolver);
  }

  /** Number of documents open on this instance. */
  get openDocuments(): number {
    return this.rooms.size;
  }

  /** Runs fn against the live document (opening it from storage if needed); changes are stored and broadcast. */
  async withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.openRoom(docName);
    try {
      return fn(room.doc);
    } finally {
      if (room.conns.size === 0) this.scheduleIdleClose(room);
    }
  }

  /** Stores and closes every document (shutdown): connections get 1012 and reconnect to another instance. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    clearInterval(this.ping);
    for (const t of this.idle.values()) clearTimeout(t);
    await Promise.all([...this.opening.values()].map((p) => p.catch(() => undefined)));
    await Promise.all([...this.rooms.values()].map((room) => this.closeRoom(room, true)));
    await Promise.all(this.closing.values());
    await this.persistence.close();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private async accept(req: IncomingMessage, socket: Duplex, head: Buffer, ctx: UpgradeContext): Promise<void> {
    const doc = parseCollabPath(req.url);
    if (!doc) return this.refuse(req, socket, head, CLOSE.notFound);
    if (!ctx.user) return this.refuse(req, socket, head, CLOSE.notSignedIn);
    const generation = this.accessGeneration;
    const actor = { id: ctx.user.id, role: ctx.user.role, cityId: ctx.user.cityId };
    let access: "edit" | "read" | "none";
    let dotsBudget: number | undefined;
    if (doc.kind === "agenda") {
      // Only the event's end time and its settings, in one query: this runs for every connection.
      const facts = await findAgendaAccessFacts(this.deps.db.db, doc.eventId);
      if (!facts) return this.refuse(req, socket, head, CLOSE.notFound);
      dotsBudget = facts.settings.dotsBudget;
      access = agendaAccess(actor, { ...facts.settings, ended: Date.parse(facts.endsAt) < Date.now() });
    } else {
      const resolver = this.resolvers.get(doc.kind);
      const decided = resolver ? await resolver(doc.id, actor) : null;
      if (decided === null) return this.refuse(req, socket, head, CLOSE.notFound);
      access = decided;
    }
    if (access === "none") return this.refuse(req, socket, head, CLOSE.forbidden);
    if (this.closed) return this.refuse(req, socket, head, CLOSE.shuttingDown);

    let room: AgendaRoom;
    try {
      room = await this.openRoom(doc.name, dotsBudget);
    } catch (error) {
      const unreadable = error instanceof StoredStateUnreadableError;
      this.deps.logger.error(unreadable ? "agenda: stored state unreadable, document refused" : "agenda: load failed", { doc: doc.name, error });
      return this.refuse(req, socket, head, unreadable ? CLOSE.storedStateUnreadable : CLOSE.loadFailed);
    }
    if (socket.destroyed) return;
    // Corked until the room has sent its first messages: the 101 answer, sync step 1 and the access message leave in
    // one write instead of three (ws completes the handshake and calls back synchronously). Three small writes per
    // join were three system calls and three TCP segments for every client to read.
    socket.cork();
    try {
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        // The room may have been closed while the handshake finished; reopen rather than attach to a dead doc.
        if (this.rooms.get(doc.name) !== room) {
          ws.close(CLOSE.loadFailed, CLOSE_REASON[CLOSE.loadFailed]);
          return;
        }
        clearTimeout(this.idle.get(doc.name));
        this.idle.delete(doc.name);
        this.watchAlive(ws);
        const u = ctx.user!;
        const conn = room.add(ws, { id: u.id, name: u.name, city: u.cityName ?? "" }, access === "read", u.sessionId);
        if (generation !== this.accessGeneration) void this.recheck.recheck(room, conn).catch((error) => this.deps.logger.error("agenda: re-check failed", { error }));
      });
    } finally {
      socket.uncork();
    }
  }

  // A method, so the pong listener (alive as long as the socket) closes over the socket only, not the upgrade's scope.
  private watchAlive(ws: WebSocket): void {
    this.alive.add(ws);
    ws.on("pong", () => this.alive.add(ws));
  }

  private refuse(req: IncomingMessage, socket: Duplex, head: Buffer, code: number): void {
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, CLOSE_REASON[code]));
  }

  /** dotsBudget: the settings' budget when the caller has just read them (saves a query if the document is new). */
  private async openRoom(name: string, dotsBudget?: number): Promise<AgendaRoom> {
    const open = this.rooms.get(name);
    if (open) return open;
    let pending = this.opening.get(name);
    if (!pending) {
      pending = this.load(name, dotsBudget).finally(() => this.opening.delete(name));
      this.opening.set(name, pending);
    }
    return pending;
  }

  private async load(name: string, dotsBudget?: number): Promise<AgendaRoom> {
    await this.closing.get(name);
    // The stored state and the dots budget go into the document before the room listens to it: with nobody listening,
    // Yjs encodes no update for them (a new document's budget was an update built, queued and written per join). The
    // budget is then stored with the whole document when it closes; until then it is derived again from the
    // settings on every load, so nothing depends on it being written sooner.
    const doc = newRoomDoc(name);
    let room: AgendaRoom;
    try {
      const docBytes = await this.persistence.load(name, doc);
      // The dots budget lives in the document so the vote guard and every client read the same number.
      const meta = doc.getMap<unknown>("meta");
      if (name.startsWith("agenda:") && typeof meta.get("dotsBudget") !== "number") {
        const budget = dotsBudget ?? (await findAgendaSettings(this.deps.db.db, Number(name.split(":")[1]))).dotsBudget;
        meta.set("dotsBudget", budget);
      }
      room = new AgendaRoom(name, doc, this.roomHooks, this.deps.logger);
      room.docBytes = docBytes;
    } catch (error) {
      doc.destroy();
      throw error;
    }
    try {
      await this.relay.subscribe(name, (message) => {
        if (this.rooms.get(name) !== room) return;
        const reply = room.applyRelayed(message);
        if (reply) this.relay.publish(name, reply);
      });
    } catch (error) {
      room.destroy();
      throw error;
    }
    this.rooms.set(name, room);
    // Ask the other instances for whatever they hold that the database does not have yet (their unflushed batch).
    if (this.deps.relay) {
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(step1, room.doc);
      this.relay.publish(name, encoding.toUint8Array(step1));
    }
    return room;
  }

  private scheduleIdleClose(room: AgendaRoom): void {
    if (this.closed) return;
    // Nobody holds this document's latest changes any more but this process: written now, not at the window's end.
    void this.persistence.flush();
    clearTimeout(this.idle.get(room.name));
    const timer = setTimeout(() => {
      this.idle.delete(room.name);
      if (room.conns.size === 0 && this.rooms.get(room.name) === room) void this.closeRoom(room, false);
    }, this.idleCloseMs);
    timer.unref();
    this.idle.set(room.name, timer);
  }

  private closeRoom(room: AgendaRoom, shutdown: boolean): Promise<void> {
    this.rooms.delete(room.name);
    const done = (async () => {
      if (shutdown) room.closeConnections(CLOSE.shuttingDown);
      try {
        await this.persistence.storeDocument(room.name, room.doc);
        if (room.changedSinceHistory) await this.persistence.maybeHistorySnapshot(room.name, room.doc);
      } catch (error) {
        this.deps.logger.error("agenda: storing document failed", { doc: room.name, error });
      }
      await this.relay.unsubscribe(room.name);
      room.destroy();
    })().finally(() => this.closing.delete(room.name));
    this.closing.set(room.name, done);
    return done;
  }

  private pingAll(): void {
    for (const room of this.rooms.values()) {
      if (!room.changedSinceHistory) continue;
      void this.persistence
        .maybeHistorySnapshot(room.name, room.doc)
        .then((taken) => {
          if (taken) room.changedSinceHistory = false;
        })
        .catch((error) => this.deps.logger.error("agenda: history snapshot failed", { doc: room.name, error }));
    }
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}
