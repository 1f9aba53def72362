import { fork, type ChildProcess } from "node:child_process";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import type { AccessChange, AccessChanges } from "../auth/access-changes.js";
import type { Logger } from "../logger.js";
import type { UpgradeContext } from "../upgrade.js";
import type { AgendaDocs, DocAccessResolver } from "./agenda-hub.js";
import { IpcClosedError, IpcPeer } from "./collab-ipc.js";
import type { CollabInit, CollabStarted, CollabStats, CollabUpgrade, DecideRequest } from "./collab-messages.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// V8's young generation for the /collab process, in MB per semi-space. Every message and join allocates many small,
// short-lived objects (buffers, decoders, Yjs structs); V8 starts the young generation at 1 MB and, seeing few of them
// survive, keeps it there: a scavenge every ~1 MB, tens per second under load, each also promoting whatever was still
// in flight. Started at 16 MB (V8 still grows it up to its own maximum), scavenges are rare and most of those objects
// die young. Costs up to 32 MB of memory; measured in bench:agenda (docs/BENCHMARKS.md, sixth session). A flag given
// to the app wins.
const YOUNG_GENERATION_MB = 16;

// Compiled (npm start): the .js next to this file under plain node, with this process's node flags. From sources
// (tests, npm run dev): the .ts file through tsx, as the app itself runs there.
function collabEntry(): { entry: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ts = here.endsWith(".ts");
  const young = `--min-semi-space-size=${YOUNG_GENERATION_MB}`;
  return { entry: path.join(path.dirname(here), ts ? "collab-process.ts" : "collab-process.js"), execArgv: ts ? ["--import", "tsx", young] : [young, ...process.execArgv] };
}

// The request headers ws reads to answer the handshake: the only ones the /collab process needs (Origin and the
// session were checked here), so cookies and the rest are not copied into every hand-over message.
const HANDSHAKE_HEADERS = ["upgrade", "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions"] as const;

function handshakeHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const name of HANDSHAKE_HEADERS) if (req.headers[name] !== undefined) out[name] = req.headers[name];
  return out;
}

/**
 * The app's side of the /collab process (server/agenda/collab-process.ts): hands accepted upgrades over with their
 * sockets, forwards access changes, runs the server's own reads and edits of documents there, and answers its access
 * questions about other document kinds. A process that exits is started again (clients reconnect on their own).
 */
export class CollabProcess implements AgendaDocs {
  private child: ChildProcess | undefined;
  private peer: IpcPeer | undefined;
  private started: Promise<void> = Promise.resolve();
  private live = false;
  private closed = false;
  private restarts = 0;
  private upSince = 0;
  private ownPort: number | undefined;
  private readonly resolvers = new Map<"network", DocAccessResolver>();
  // The server's edits of one document run one after another, as they did against the in-process document.
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly unsubscribe: () => void;

  constructor(private deps: { init: Omit<CollabInit, "kinds">; logger: Logger; access?: AccessChanges }) {
    this.unsubscribe = deps.access?.subscribe((change) => this.forwardAccess(change)) ?? (() => {});
  }

  /** Starts the process; resolves once it serves. A first start that fails is not retried: the app does not start. */
  async start(): Promise<void> {
    this.started = this.spawn();
    try {
      await this.started;
    } catch (error) {
      this.closed = true;
      throw error;
    }
  }

  /** The process's id (the benchmark adds its CPU to the app's). */
  get pid(): number | undefined {
    return this.live ? this.child?.pid : undefined;
  }

  /** The port on which the process accepts /collab connections itself (COLLAB_PORT; 0 there picks this one). */
  get port(): number | undefined {
    return this.ownPort;
  }

  /** Upgrade handler for /collab: the socket and the request's headers go to the /collab process. */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, ctx: UpgradeContext): void => {
    const peer = this.peer;
    if (!this.live || !peer || this.closed) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n");
      socket.destroy();
      return;
    }
    const s = socket as Socket;
    const early = s.readableLength > 0 ? (s.read() as Buffer | null) : null;
    // What the client sends next stays in the kernel for the /collab process, which reads the same connection: bytes
    // this process read after this point would be lost.
    const handle = (s as unknown as { _handle?: { reading?: boolean; readStop?: () => number } })._handle;
    if (handle?.readStop) {
      handle.reading = false;
      handle.readStop();
    }
    // Without this, Node treats the socket as one of a cluster worker's connections: the HTTP server then waits for
    // the /collab process on close and, once that process has exited, never closes.
    (s as unknown as { server: unknown }).server = null;
    const upgrade: CollabUpgrade = { url: req.url ?? "/", headers: handshakeHeaders(req), head: (early ? Buffer.concat([head, early]) : head).toString("base64"), user: ctx.user, origin: ctx.origin };
    peer.note("upgrade", upgrade, s, (error) => {
      if (error) this.deps.logger.warn("collab: handing over a connection failed", { error: String(error) });
      // The /collab process holds its own descriptor of the connection now; this one is closed without ending it.
      s.destroy();
    });
  };

  /** Runs fn against a copy of the live document; what fn changed is applied there as a server change. */
  withDoc<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const run = (this.queues.get(docName) ?? Promise.resolve()).then(() => this.withDocNow(docName, fn));
    const tail = run.catch(() => undefined);
    this.queues.set(docName, tail);
    void tail.then(() => {
      if (this.queues.get(docName) === tail) this.queues.delete(docName);
    });
    return run;
  }

  registerDocKind(kind: "network", resolver: DocAccessResolver): void {
    this.resolvers.set(kind, resolver);
    if (this.live) this.peer?.call("kind", kind).catch((error) => this.deps.logger.error("collab: registering a document kind failed", { kind, error: String(error) }));
  }

  /** Open documents and heap of the /collab process (gc: collect first, when node runs with --expose-gc). */
  async stats(gc = false): Promise<CollabStats> {
    return (await this.ready()).call<CollabStats>("stats", { gc });
  }

  /** Stores every open document in the /collab process and waits for it to exit. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    await this.started.catch(() => undefined);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      await Promise.race([this.peer?.call("close"), sleep(15_000).then(() => Promise.reject(new Error("timed out")))]);
    } catch (error) {
      this.deps.logger.error("collab: closing the process failed", { error: String(error) });
    }
    if (child.connected) child.disconnect();
    await Promise.race([exited, sleep(5_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }

  private async spawn(): Promise<void> {
    const { entry, execArgv } = collabEntry();
    // Its own process group: Ctrl-C in a terminal reaches the app only, which closes this process in order (its
    // documents stored) instead of both stopping at once.
    const child = fork(entry, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"], detached: true });
    const peer = new IpcPeer(child, { decide: (req: DecideRequest) => this.decide(req) });
    this.child = child;
    this.peer = peer;
    child.once("exit", (code, signal) => this.exited(child, peer, code, signal));
    try {
      const started = await peer.call<CollabStarted>("init", { ...this.deps.init, kinds: [...this.resolvers.keys()] } satisfies CollabInit);
      this.ownPort = started.port;
    } catch (error) {
      child.kill("SIGKILL");
      throw error;
    }
    this.live = true;
    this.upSince = Date.now();
  }

  private exited(child: ChildProcess, peer: IpcPeer, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.live = false;
    peer.failAll(new IpcClosedError("collab: the /collab process exited"));
    if (this.closed) return;
    if (Date.now() - this.upSince > 60_000) this.restarts = 0;
    const delay = Math.min(10_000, 250 * 2 ** this.restarts++);
    this.deps.logger.error("collab: the /collab process exited; starting it again", { code, signal, inMs: delay });
    this.started = sleep(delay).then(() => {
      if (!this.closed) return this.spawn();
    });
    // A failed start ends in an exit, which schedules the next attempt.
    this.started.catch((error) => this.deps.logger.error("collab: starting the /collab process failed", { error: String(error) }));
  }

  private async ready(): Promise<IpcPeer> {
    await this.started.catch(() => undefined);
    if (!this.live || !this.peer || this.closed) throw new IpcClosedError("collab: the /collab process is not running");
    return this.peer;
  }

  private async withDocNow<T>(docName: string, fn: (doc: Y.Doc) => T): Promise<T> {
    const peer = await this.ready();
    const state = await peer.call<string>("state", docName);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, Buffer.from(state, "base64"));
      const updates: Uint8Array[] = [];
      doc.on("update", (update: Uint8Array) => updates.push(update));
      const result = fn(doc);
      if (updates.length) await peer.call("apply", { docName, update: Buffer.from(Y.mergeUpdates(updates)).toString("base64") });
      return result;
    } finally {
      doc.destroy();
    }
  }

  private async forwardAccess(change: AccessChange): Promise<void> {
    if (!this.live || !this.peer) return; // a process starting again has no connections to re-check
    await this.peer.call("access", change);
  }

  private async decide(req: DecideRequest): Promise<"edit" | "read" | "none" | null> {
    const resolver = this.resolvers.get(req.kind);
    return resolver ? resolver(req.id, req.actor) : null;
  }
}
