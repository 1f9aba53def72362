// One bench client process: several y-websocket editors replaying the seeded trace against one document.
// Timestamps are absolute (performance.timeOrigin + now) so the runner can match sends and receipts across processes.
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { agendaRoots } from "../../domain/agenda-doc.js";
import { MESSAGE_ACCESS } from "../../domain/agenda-access-message.js";

const env = (k: string) => process.env[k] ?? "";
const PORT = Number(env("BENCH_PORT"));
// Where /collab is opened: the server's own /collab port when it has one (ServerReady.collabPort), else PORT.
const COLLAB_PORT = Number(env("BENCH_COLLAB_PORT") || PORT);
const COOKIE = env("BENCH_COOKIE");
const DOC = env("BENCH_DOC");
const COUNT = Number(env("BENCH_COUNT"));
const OFFSET = Number(env("BENCH_OFFSET"));
const OBSERVERS = Number(env("BENCH_OBSERVERS"));
const now = () => performance.timeOrigin + performance.now();
// y-websocket adds a process "exit" listener per provider; this process runs up to 25 of them on purpose.
process.setMaxListeners(0);
const WORDS = "samorząd miasto rozwój lokalny mieszkańcy partycypacja budżet rewitalizacja transport energia klimat dane usługi współpraca".split(" ");

function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

// Each editing client is one person: their own session (the app) and their own key in the votes maps.
const COOKIES: string[] = JSON.parse(env("BENCH_COOKIES") || "[]");
const USER_IDS: number[] = JSON.parse(env("BENCH_USER_IDS") || "[]");
// Both servers' documents start without a budget key in the trace's view; clients keep within the default budget.
const BUDGET = 5;

function socketFor(cookie: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}` } });
    }
  };
}

const providers = Array.from(
  { length: COUNT },
  (_, k) =>
    new WebsocketProvider(`ws://127.0.0.1:${COLLAB_PORT}/collab`, DOC, new Y.Doc(), {
      WebSocketPolyfill: socketFor(COOKIES[OFFSET + k] ?? COOKIE) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    }),
);
const sent: [string, number][] = [];
const received: [string, number][] = [];
providers.forEach((p, i) => {
  // The server's access message ("edit"/"read") needs no action here; without a handler y-websocket logs an error.
  p.messageHandlers[MESSAGE_ACCESS] = () => {};
  p.doc.on("update", (update: Uint8Array, origin: unknown) => {
    const t = now();
    if (origin !== p) {
      const s = Y.decodeUpdate(update).structs[0];
      if (s) sent.push([`${s.id.client}:${s.id.clock}`, t]);
      return;
    }
    if (i >= OBSERVERS) return;
    for (const s of Y.decodeUpdate(update).structs) received.push([`${s.id.client}:${s.id.clock}`, t]);
  });
});

const loaded = () => providers.every((p) => p.synced && agendaRoots(p.doc).sessions.length >= 10);
const poll = setInterval(() => {
  if (!loaded()) return;
  clearInterval(poll);
  process.send?.({ loaded: true });
}, 20);

process.on("message", (msg: { cmd: string; end?: number }) => {
  if (msg.cmd === "go") {
    const end = msg.end as number;
    providers.forEach((p, k) => {
      const i = OFFSET + k;
      const r = rng(1000 + i);
      const roots = agendaRoots(p.doc);
      // A person works in bursts: 5–20 actions 150–300 ms apart (typing, a title, a vote), then reads or thinks for
      // 2–8 s, moving their cursor now and then.
      let burst = 0;
      const tick = () => {
        if (Date.now() > end) return;
        if (burst <= 0) {
          burst = 5 + Math.floor(r() * 16);
          if (r() < 0.5) p.awareness.setLocalStateField("cursor", { session: roots.sessions.get(Math.floor(r() * roots.sessions.length)).get("id"), at: Math.floor(r() * 100) });
          setTimeout(tick, 2000 + r() * 6000);
          return;
        }
        burst -= 1;
        const x = r();
        const session = roots.sessions.get(Math.floor(r() * roots.sessions.length));
        if (x < 0.85) {
          const para = (session.get("description") as Y.XmlFragment).get(0) as Y.XmlElement;
          const text = para.get(0) as Y.XmlText;
          text.insert(Math.floor(r() * text.length), r() < 0.2 ? " " : WORDS[Math.floor(r() * WORDS.length)].slice(0, 1 + Math.floor(r() * 3)));
        } else if (x < 0.93) {
          session.set("title", `${WORDS[Math.floor(r() * WORDS.length)]} ${i}`);
        } else {
          // A dot on a proposal while the person has dots left, else all of their dots on it taken back (as the UI allows).
          const me = String(USER_IDS[i] ?? i + 1);
          const votes = roots.proposals.get(Math.floor(r() * roots.proposals.length)).get("votes") as Y.Map<number>;
          const spent = roots.proposals.toArray().reduce((n, p) => n + (((p.get("votes") as Y.Map<number>).get(me) as number | undefined) ?? 0), 0);
          if (spent < BUDGET) votes.set(me, (votes.get(me) ?? 0) + 1);
          else votes.delete(me);
        }
        setTimeout(tick, 150 + r() * 150);
      };
      setTimeout(tick, r() * 3000);
    });
  } else if (msg.cmd === "report") {
    const vectors = providers.map((p) => Buffer.from(Y.encodeStateVector(p.doc)).toString("base64"));
    process.send?.({ report: { sent, received, vectors } }, () => {
      providers.forEach((p) => p.destroy());
      process.exit(0);
    });
  }
});
