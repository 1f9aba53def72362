// Real y-websocket clients for the agenda integration tests (Node has no global WebSocket: `ws` stands in).
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MESSAGE_ACCESS, readAccessMode, type AgendaAccessMode } from "../../domain/agenda-access-message.js";
import { signedIn } from "../setup/http-client.js";

export type AgendaClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves with the close code of the first server close (or a terminal close). */
  closed: Promise<number>;
  /** Resolves once the first sync finished. */
  synced: Promise<void>;
  /** Every access mode the server announced, in order ("edit" / "read"), as the browser workspace reads them. */
  access: AgendaAccessMode[];
  destroy: () => void;
};

/** The session cookie of a demo account (null: anonymous). */
export async function cookieOf(baseUrl: string, who: "admin" | "moderator" | "member" | null, email?: string): Promise<string> {
  if (email) {
    const c = await signedIn(baseUrl, null);
    await c.login(email);
    return c.cookieHeader();
  }
  return (await signedIn(baseUrl, who)).cookieHeader();
}

/**
 * Opens a WebsocketProvider to /collab/<docName> with a cookie, as a browser on the same origin would. `via`: another
 * address to connect to (the /collab process's own port), reached as through a reverse proxy: Host and Origin still
 * name baseUrl.
 */
export function connectAgenda(baseUrl: string, docName: string, cookie: string, opts: { doc?: Y.Doc; connect?: boolean; via?: string } = {}): AgendaClient {
  const headers: Record<string, string> = { cookie, origin: baseUrl, ...(opts.via ? { host: new URL(baseUrl).host } : {}) };
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider((opts.via ?? baseUrl).replace(/^http/, "ws") + "/collab", docName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    // In Node, lib0's BroadcastChannel fallback would sync clients of one process without the server.
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 300,
  });
  const access: AgendaAccessMode[] = [];
  provider.messageHandlers[MESSAGE_ACCESS] = (_encoder, decoder) => {
    access.push(readAccessMode(decoder));
  };
  const closed = new Promise<number>((resolve) => {
    provider.on("connection-close", (event) => {
      if (event && event.code !== 1006) resolve(event.code);
    });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (s: boolean) => s && resolve());
  });
  return {
    doc,
    provider,
    closed,
    synced,
    access,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until check() is true (edits travel asynchronously); throws with a message after timeoutMs. */
export async function eventually(check: () => boolean | Promise<boolean>, message: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out: ${message}`);
}

/** Races a promise against a timeout, resolving to "timeout" instead. */
export function within<T>(p: Promise<T>, ms: number): Promise<T | "timeout"> {
  return Promise.race([p, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms))]);
}
