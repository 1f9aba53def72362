import type { Serializable } from "node:child_process";
import type { Socket } from "node:net";

/** One side of the IPC channel between the app and its /collab process (a ChildProcess, or `process` in the child). */
export type IpcPort = {
  send(message: Serializable, sendHandle?: Socket, options?: { keepOpen?: boolean }, callback?: (error: Error | null) => void): boolean;
  on(event: "message", listener: (message: unknown, handle?: unknown) => void): unknown;
  readonly connected: boolean;
};

type Call = { t: "call"; id: number; m: string; p: unknown };
type Reply = { t: "reply"; id: number; ok: true; v: unknown } | { t: "reply"; id: number; ok: false; e: string };
type Note = { t: "note"; m: string; p: unknown };
type Message = Call | Reply | Note;

/** Handles a call or note by method name; a socket handed over with the message comes as the second argument. */
export type IpcHandler = (payload: any, socket?: Socket) => unknown;

/** The channel was closed (the other process exited) before a call was answered. */
export class IpcClosedError extends Error {}

/**
 * Request/response and one-way messages over Node's child-process IPC (JSON, so binary travels as base64). Each side
 * registers handlers by method name; a handler's error reaches the caller as a rejected call with its message.
 */
export class IpcPeer {
  private next = 0;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    private port: IpcPort,
    private handlers: Record<string, IpcHandler>,
  ) {
    port.on("message", (message, handle) => this.receive(message as Message, handle as Socket | undefined));
  }

  /** Calls `method` on the other side; resolves with its result. */
  call<T>(method: string, payload: unknown = null): Promise<T> {
    if (!this.port.connected) return Promise.reject(new IpcClosedError(`collab: channel closed (${method})`));
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.send({ t: "call", id, m: method, p: payload } satisfies Call as Serializable, undefined, undefined, (error) => {
        if (error && this.waiting.delete(id)) reject(error);
      });
    });
  }

  /**
   * Sends a one-way message, with a socket when one is handed over; `sent` learns whether it left. The socket stays
   * open here (keepOpen): the caller closes its own descriptor once sent, through the socket, so the HTTP server's
   * count of connections stays right.
   */
  note(method: string, payload: unknown, socket?: Socket, sent?: (error: Error | null) => void): void {
    if (!this.port.connected) return sent?.(new IpcClosedError(`collab: channel closed (${method})`));
    this.port.send({ t: "note", m: method, p: payload } satisfies Note as Serializable, socket, socket ? { keepOpen: true } : undefined, sent ?? (() => {}));
  }

  /** Rejects every call still waiting (the other process is gone). */
  failAll(error: Error): void {
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  private receive(message: Message, socket: Socket | undefined): void {
    if (!message || typeof message !== "object" || !("t" in message)) return;
    if (message.t === "reply") {
      const w = this.waiting.get(message.id);
      if (!w) return;
      this.waiting.delete(message.id);
      if (message.ok) w.resolve(message.v);
      else w.reject(new Error(message.e));
      return;
    }
    const handler = this.handlers[message.m];
    if (message.t === "note") {
      if (handler) void Promise.resolve().then(() => handler(message.p, socket)).catch(() => undefined);
      else socket?.destroy();
      return;
    }
    const id = message.id;
    const answer = (reply: Reply) => {
      if (this.port.connected) this.port.send(reply as Serializable, undefined, undefined, () => {});
    };
    if (!handler) return answer({ t: "reply", id, ok: false, e: `collab: no handler for ${message.m}` });
    Promise.resolve()
      .then(() => handler(message.p))
      .then(
        (v) => answer({ t: "reply", id, ok: true, v: v ?? null }),
        (error: unknown) => answer({ t: "reply", id, ok: false, e: error instanceof Error ? error.message : String(error) }),
      );
  }
}
