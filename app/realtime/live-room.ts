import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import type { Ack, ClientEvent, ClientPayloads, ClientResults, ClientToServerEvents, LiveMe, LiveMessage, ModerationAction, Presence, RoomState, ServerToClientEvents, TypingNotice } from "../../domain/live-protocol.js";
import { emptyStore, mergeMessages, type ThreadStore } from "./live-store";

export type Connection = "connecting" | "online" | "offline";
export type LiveRoom = ReturnType<typeof useLiveRoom>;
/** The browser's end of /live: what it may emit and what it listens to, from the same maps the server uses. */
type LiveClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// socket.io's typed emitWithAck cannot follow a generic event name, so the one request helper narrows it once here.
function ask<E extends ClientEvent>(socket: LiveClientSocket, event: E, payload: ClientPayloads[E]): Promise<Ack<ClientResults[E]>> {
  const timed = socket.timeout(10_000);
  const emit = timed.emitWithAck as (event: E, payload: ClientPayloads[E]) => Promise<Ack<ClientResults[E]>>;
  return emit.call(timed, event, payload);
}

/**
 * One browser's view of a live room over socket.io /live: joins the room and every thread, keeps each thread's
 * messages deduplicated by id (recovered packets, `since` backlogs and our own acks may overlap), and resumes with
 * the `since` cursor when socket.io could not recover the session.
 */
export function useLiveRoom(eventId: number, opts: { onNew?: (m: LiveMessage[]) => void } = {}) {
  const [connection, setConnection] = useState<Connection>("connecting");
  const [state, setState] = useState<RoomState | null>(null);
  const [me, setMe] = useState<LiveMe | null>(null);
  const [presence, setPresence] = useState<Presence | null>(null);
  const [threads, setThreads] = useState<Record<number, ThreadStore>>({});
  const [myVotes, setMyVotes] = useState<Set<number>>(new Set());
  const [typing, setTyping] = useState<Record<number, Record<number, { name: string; at: number }>>>({});
  const [removed, setRemoved] = useState(false);
  const socketRef = useRef<LiveClientSocket | null>(null);
  const storesRef = useRef<Record<number, ThreadStore>>({});
  const onNewRef = useRef(opts.onNew);
  onNewRef.current = opts.onNew;

  const merge = useCallback((messages: LiveMessage[], announce: boolean) => {
    const byThread = new Map<number, LiveMessage[]>();
    for (const m of messages) (byThread.get(m.threadId) ?? byThread.set(m.threadId, []).get(m.threadId)!).push(m);
    const next = { ...storesRef.current };
    const added: LiveMessage[] = [];
    for (const [threadId, list] of byThread) {
      const r = mergeMessages(next[threadId] ?? emptyStore(), list);
      next[threadId] = r.store;
      added.push(...r.added);
    }
    storesRef.current = next;
    setThreads(next);
    if (announce && added.length) onNewRef.current?.(added);
  }, []);

  useEffect(() => {
    let cancelled = false;
    let socket: LiveClientSocket | null = null;
    const request = <E extends ClientEvent>(event: E, payload: ClientPayloads[E]) => ask(socket!, event, payload);

    async function joinAll() {
      const joined = await request("room:join", { eventId });
      if (!joined.ok) {
        if (joined.error.code === "forbidden") setRemoved(true);
        return;
      }
      setState(joined.data.state);
      setMe(joined.data.me);
      setPresence(joined.data.presence);
      for (const th of joined.data.state.threads) await joinThread(th.id);
    }

    async function joinThread(threadId: number) {
      if (!storesRef.current[threadId]) {
        storesRef.current = { ...storesRef.current, [threadId]: emptyStore() };
        setThreads(storesRef.current);
      }
      for (;;) {
        const since = storesRef.current[threadId]?.cursor ?? 0;
        const r = await request("thread:join", { threadId, since });
        if (!r.ok) return;
        merge(r.data.messages, since > 0);
        setMyVotes((prev) => new Set([...prev].filter((id) => storesRef.current[threadId]?.byId.get(id) === undefined).concat(r.data.myVotes)));
        if (!r.data.more) return;
      }
    }

    void import("socket.io-client").then(({ io }) => {
      if (cancelled) return;
      socket = io("/live", { transports: ["websocket", "polling"], withCredentials: true });
      socketRef.current = socket;
      socket.on("connect", () => {
        setConnection("online");
        // A recovered session already has its rooms and the packets it missed; otherwise rejoin with cursors.
        if (!socket!.recovered) void joinAll();
      });
      socket.on("disconnect", () => setConnection("offline"));
      socket.on("connect_error", () => setConnection("offline"));
      socket.on("message:new", (m: LiveMessage) => {
        merge([m], true);
        // The message that was being typed has arrived: its author is no longer typing it.
        if (m.author) setTyping((prev) => (prev[m.threadId]?.[m.author!.id] ? { ...prev, [m.threadId]: Object.fromEntries(Object.entries(prev[m.threadId]).filter(([id]) => Number(id) !== m.author!.id)) } : prev));
      });
      socket.on("message:updated", (m: LiveMessage) => merge([m], false));
      socket.on("presence:update", (p: Presence) => setPresence(p));
      // The session ended or the account was blocked: the server disconnects; a reload shows what this person may see now.
      socket.on("access:revoked", () => window.location.reload());
      socket.on("room:state", (s: RoomState) => {
        if (s.removed) {
          setRemoved(true);
          setMe((prev) => (prev ? { ...prev, canWrite: false } : prev));
          return;
        }
        // Threads a moderator just created are joined here; known ones already stream into the stores.
        for (const th of s.threads) if (!storesRef.current[th.id]) void joinThread(th.id);
        setState(s);
        void request("room:join", { eventId }).then((r) => r.ok && setMe(r.data.me));
      });
      socket.on("typing", (n: TypingNotice) =>
        setTyping((prev) => ({ ...prev, [n.threadId]: { ...prev[n.threadId], [n.user.id]: { name: n.user.name, at: Date.now() } } })),
      );
    });
    return () => {
      cancelled = true;
      socket?.disconnect();
      socketRef.current = null;
    };
  }, [eventId, merge]);

  // Typing notices fade after a few seconds without a new one.
  useEffect(() => {
    const timer = setInterval(() => {
      setTyping((prev) => {
        const now = Date.now();
        let changed = false;
        const next: typeof prev = {};
        for (const [tid, people] of Object.entries(prev)) {
          const kept = Object.fromEntries(Object.entries(people).filter(([, v]) => now - v.at < 4000));
          if (Object.keys(kept).length !== Object.keys(people).length) changed = true;
          next[Number(tid)] = kept;
        }
        return changed ? next : prev;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, []);

  const call = useCallback(async <E extends ClientEvent>(event: E, payload: ClientPayloads[E]): Promise<Ack<ClientResults[E]>> => {
    const socket = socketRef.current;
    if (!socket?.connected) return { ok: false, error: { code: "server_error", message: "offline" } };
    return ask(socket, event, payload).catch((): Ack<ClientResults[E]> => ({ ok: false, error: { code: "server_error", message: "timeout" } }));
  }, []);

  const actions = useMemo(
    () => ({
      send: async (threadId: number, body: string, kind: "comment" | "question", parentId?: number) => {
        const r = await call("message:send", { threadId, body, kind, ...(parentId ? { parentId } : {}) });
        if (r.ok) merge([r.data], false);
        return r;
      },
      edit: async (messageId: number, body: string) => {
        const r = await call("message:edit", { messageId, body });
        if (r.ok) merge([r.data], false);
        return r;
      },
      remove: async (messageId: number) => {
        const r = await call("message:delete", { messageId });
        if (r.ok) merge([r.data], false);
        return r;
      },
      vote: async (messageId: number, value: 0 | 1) => {
        const r = await call("message:vote", { messageId, value });
        if (r.ok) {
          merge([r.data.message], false);
          setMyVotes((prev) => {
            const next = new Set(prev);
            if (r.data.voted) next.add(messageId);
            else next.delete(messageId);
            return next;
          });
        }
        return r;
      },
      moderate: async (messageId: number, action: ModerationAction, extra: { answer?: string; reason?: string } = {}) => {
        const r = await call("message:moderate", { messageId, action, ...extra });
        if (r.ok) merge([r.data], false);
        return r;
      },
      control: (action: "open" | "close" | "auto") => call("room:control", { eventId, action }),
      createThread: (title: string) => call("thread:create", { eventId, title }),
      removeParticipant: (userId: number, reason?: string) => call("participant:remove", { eventId, userId, ...(reason ? { reason } : {}) }),
      typing: (threadId: number) => void call("typing", { threadId }),
    }),
    [call, eventId, merge],
  );

  return { connection, state, me, presence, threads, myVotes, typing, removed, actions };
}
