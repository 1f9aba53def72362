import { io, type Socket } from "socket.io-client";
import { insertEvent } from "../../db/repositories/events.js";
import type { EventFormat } from "../../db/schema.js";
import type { Ack, LiveMessage } from "../../server/live/protocol.js";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import type { RunningApp } from "../../server/create-app.js";
import type { TestServer } from "../setup/test-server.js";

export type Who = "admin" | "moderator" | "member" | "ekspert" | "kalisz" | null;

let counter = 0;
/** Inserts an event whose live room is open now (or with the given offsets) and returns its id. */
export async function createLiveEvent(app: TestServer, opts: { startsInMs?: number; durationMs?: number; format?: EventFormat; joinUrl?: string | null } = {}): Promise<{ id: number; slug: string }> {
  const start = Date.now() + (opts.startsInMs ?? -10 * 60_000);
  const slug = `live-test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  const id = await insertEvent(
    app.services.db.db,
    {
      slug,
      title: `Webinarium testowe ${counter}`,
      description: "Test",
      kind: "webinar",
      seriesId: null,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + (opts.durationMs ?? 2 * 3600_000)).toISOString(),
      timeZone: "Europe/Warsaw",
      format: opts.format ?? "online",
      place: null,
      joinUrl: opts.joinUrl === undefined ? "https://example.org/stream" : opts.joinUrl,
      capacity: null,
    },
    [],
    null,
  );
  return { id, slug };
}

type AppLike = Pick<RunningApp, "url" | "services">;
const cookies = new Map<string, string>();
/** The Cookie header of a demo account, signed in through the real auth service (once per server). */
export async function cookieFor(app: AppLike, who: Who): Promise<string> {
  if (!who) return "";
  const key = `${app.url}|${who}`;
  if (!cookies.has(key)) {
    const s = await app.services.auth.login(`${who}@frl.test`, DEMO_PASSWORD, { ip: "127.0.0.1", userAgent: "live-test" });
    cookies.set(key, `frl_session=${s.token}`);
  }
  return cookies.get(key)!;
}

/** A socket.io client on /live as the given person (websocket only unless told otherwise). */
export async function connectAs(app: AppLike, who: Who, opts: { transports?: ("websocket" | "polling")[]; origin?: string } = {}): Promise<Socket> {
  const url = app.url;
  const cookie = await cookieFor(app, who);
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (opts.origin) headers.origin = opts.origin;
  const socket = io(`${url}/live`, { transports: opts.transports ?? ["websocket"], extraHeaders: headers, reconnectionDelay: 200, reconnectionDelayMax: 500, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (e) => reject(e));
  });
  return socket;
}

/** Emits with an acknowledgement and resolves with it. */
export function call<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<Ack<T>> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** Like call(), but fails the test unless the server said ok. */
export async function ok<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  const a = await call<T>(socket, event, payload);
  if (!a.ok) throw new Error(`${event} failed: ${a.error.code} ${a.error.message}`);
  return a.data;
}

/** Resolves with the next server event of that name matching the predicate. */
export function next<T = unknown>(socket: Socket, event: string, match: (x: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const on = (x: T) => {
      if (!match(x)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(x);
    };
    socket.on(event, on);
  });
}

/** Joins the room and its Q&A thread; returns the Q&A thread id. */
export async function joinQa(socket: Socket, eventId: number): Promise<number> {
  const r = await ok<{ state: { threads: { id: number; kind: string }[] } }>(socket, "room:join", { eventId });
  const qa = r.state.threads.find((t) => t.kind === "qa")!;
  await ok(socket, "thread:join", { threadId: qa.id });
  return qa.id;
}

export type { LiveMessage };

