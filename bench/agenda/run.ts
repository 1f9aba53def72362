// Agenda (Yjs) benchmark: the real /collab endpoint against a plain @y/websocket-server 0.1.1, in the same run.
// Phase 1: 50 clients on one document replay an edit trace (bursts of typing, titles, votes; cursors while idle).
// Phase 2: 500 fresh documents per round, opened 50 at a time (one client each), then heap per document and join time.
// Usage: npm run bench:agenda [-- --seconds 60 --warmup 60 --rounds 3 --docs 500 --clients 50 --no-write --open-only]
import { fork, type ChildProcess } from "node:child_process";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { agendaRoots, createProposalMap, createSessionMap } from "../../domain/agenda-doc.js";
import { MESSAGE_ACCESS } from "../../domain/agenda-access-message.js";
import type { ServerReady, ServerStats } from "./server-stats.js";
import { writeReport, type Result } from "./report.js";
import { buildServer, SERVER_ROOTS } from "../../scripts/build-server.js";

// y-websocket adds a process "exit" listener per provider; the open-document rounds hold 50 at a time on purpose.
process.setMaxListeners(0);

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
// 60 s: a 20-s round held only ~1.3 s of server CPU, and V8 compiling 10–90 functions on its helper threads (a few
// hundred ms, at random moments) was a large and random share of it. The plain server's own cost moved 884–1,388 ms
// per 1,000 updates between 20-s rounds; the cost per update of a long editing session is what the target is about.
const SECONDS = arg("seconds", 60);
const DOCS = arg("docs", 500);
const CLIENTS = arg("clients", 50);
const OBSERVERS = 10;
const WORKERS = 2;
const ROUNDS = arg("rounds", 3);
// One editing round per server before the measured ones, as long as they are, not counted: V8 is still compiling the
// hot paths during a server's first round of traffic (first rounds cost 10–25 % more CPU than later ones, the app's
// more, having more code on the path; the trace's first seconds are mostly people reading, so a short warm-up is not one).
const WARMUP_SECONDS = arg("warmup", SECONDS);
// Document 0 is the warm-up's, 1…ROUNDS the measured rounds'; the opened documents come after them.
const EDIT_DOCS = ROUNDS + 1;
// Opened unmeasured before the measured open rounds (after them in the servers' document lists): the join path's
// warm-up, as the editing warm-up is the update path's.
const OPEN_WARMUP_DOCS = 100;
// A measured window ends once the round's document is closed and stored: the app stores a document 5 s after its last
// client left (the plain server keeps it in memory), and that storing is part of what the round's updates cost.
const CLOSE_SETTLE_MS = 7000;
// Start-up work of each server (the app seeds and indexes 1,500 events; both compile and collect after loading) is
// not agenda work: rounds start once each server has used less than this for two 5-s windows in a row (≤ 120 s).
const QUIET_MS_PER_S = 12;
// --open-only: only the open-documents phase (for working on join time; nothing is written).
const OPEN_ONLY = process.argv.includes("--open-only");

type Server = { child: ChildProcess; ready: ServerReady; stats: (gc?: boolean) => Promise<ServerStats> };

// Both servers run as production runs the app (npm start): compiled to JavaScript, under plain node, not tsx.
const COMPILED_DIR = path.join(".tmp", "bench-agenda-node");
await buildServer([...SERVER_ROOTS, "bench/agenda"], COMPILED_DIR);

function startServer(file: string): Promise<Server> {
  const child = fork(path.resolve(COMPILED_DIR, "bench/agenda", file.replace(/\.ts$/, ".js")), [], {
    // BENCH_PROF=app writes a CPU profile of the app server (for finding hot paths; not used in measured runs).
    // BENCH_NODE_ARGS adds node flags to both servers (diagnostics such as --trace-gc; not used in measured runs).
    execArgv: ["--expose-gc", ...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ...(process.env.BENCH_PROF && file.includes(process.env.BENCH_PROF) ? ["--cpu-prof", "--cpu-prof-dir=.tmp/prof"] : [])],
    env: { ...process.env, BENCH_DOCS: String(EDIT_DOCS + DOCS * ROUNDS + OPEN_WARMUP_DOCS), BENCH_PEOPLE: String(CLIENTS) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 0;
  const waiting = new Map<number, (s: ServerStats) => void>();
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code}`)));
    child.on("message", (msg: { ready?: ServerReady; id?: number; stats?: ServerStats }) => {
      if (msg.ready) {
        const ready = msg.ready;
        resolve({
          child,
          ready,
          stats: (gc = false) =>
            new Promise((res) => {
              const id = ++next;
              waiting.set(id, res);
              child.send({ cmd: "stats", id, gc });
            }),
        });
      } else if (msg.id) {
        waiting.get(msg.id)?.(msg.stats as ServerStats);
        waiting.delete(msg.id);
      }
    });
  });
}

// Host and Origin name the site, as a browser's request through the reverse proxy does when it reaches a collabPort.
function connect({ port, collabPort }: ServerReady, cookie: string, docName: string): WebsocketProvider {
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` } });
    }
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${collabPort ?? port}/collab`, docName, new Y.Doc(), {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // The app's access message ("edit"/"read") is handled as the workspace's editor handles it: without a handler,
  // y-websocket logs "Unable to compute message" for each, and the runner's logging counted in the app's join time.
  provider.messageHandlers[MESSAGE_ACCESS] = () => {};
  return provider;
}

const synced = (p: WebsocketProvider) => new Promise<void>((resolve) => (p.synced ? resolve() : p.once("sync", () => resolve())));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// The runner's own garbage (the previous round's clients, of either server) is collected before a measured window
// starts, so it is not collected inside the next server's window: rounds alternate the order, and whichever server
// came second could pay for the first one's clients (npm run bench:agenda runs node with --expose-gc).
const collectRunnerGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};



type Report = { sent: [string, number][]; received: [string, number][]; vectors: string[] };

type Editing = Pick<Result, "updates" | "cpuPer1000" | "p50" | "p99" | "max" | "samples" | "lost" | "loopP99" | "loopMax"> & { mainCpuPer1000: number; threadsPer1000: Record<string, number> };

async function editing(server: Server, docIndex: number, seconds: number): Promise<Editing> {
  const { port, cookie, docNames } = server.ready;
  const doc = docNames[docIndex];
  // The runner's own client seeds the document and stays as the reference for convergence.
  const seed = connect(server.ready, cookie, doc);
  await synced(seed);
  seed.doc.transact(() => {
    for (let i = 0; i < 10; i++) agendaRoots(seed.doc).sessions.push([createSessionMap({ title: `Blok ${i}`, start: "10:00", end: "11:00", description: "Opis bloku." })]);
    for (let i = 0; i < 5; i++) agendaRoots(seed.doc).proposals.push([createProposalMap({ title: `Temat ${i}`, why: "", area: "", city: "", authorId: 1, authorName: "A" })]);
  });
  // Editors live in WORKERS child processes, so the clients' own Yjs work does not queue behind one event loop.
  const per = Math.ceil(CLIENTS / WORKERS);
  const workers = Array.from({ length: WORKERS }, (_, w) =>
    fork(fileURLToPath(new URL("./client-worker.ts", import.meta.url)), [], {
      execArgv: ["--import", "tsx"],
      env: {
        ...process.env,
        BENCH_PORT: String(port),
        BENCH_COLLAB_PORT: String(server.ready.collabPort ?? port),
        BENCH_COOKIE: cookie,
        BENCH_DOC: doc,
        BENCH_COUNT: String(Math.min(per, CLIENTS - w * per)),
        BENCH_OFFSET: String(w * per),
        BENCH_OBSERVERS: String(Math.ceil(OBSERVERS / WORKERS)),
        BENCH_COOKIES: JSON.stringify(server.ready.cookies),
        BENCH_USER_IDS: JSON.stringify(server.ready.userIds),
      },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  const next = (child: ChildProcess, key: string) => new Promise<Record<string, unknown>>((resolve) => child.on("message", (m: Record<string, unknown>) => key in m && resolve(m)));
  await Promise.all(workers.map((w) => next(w, "loaded")));
  collectRunnerGarbage();
  const before = await server.stats();
  const end = Date.now() + seconds * 1000;
  workers.forEach((w) => w.send({ cmd: "go", end }));
  await sleep(seconds * 1000 + 300);
  const reference = () => Buffer.from(Y.encodeStateVector(seed.doc)).toString("base64");
  await sleep(2000);
  const reports = (await Promise.all(
    workers.map((w) => {
      const r = next(w, "report");
      w.send({ cmd: "report" });
      return r.then((m) => m.report as Report);
    }),
  )) as Report[];
  const sentAt = new Map<string, number>();
  for (const r of reports) for (const [k, t] of r.sent) sentAt.set(k, t);
  const latencies: number[] = [];
  for (const r of reports) for (const [k, t] of r.received) if (sentAt.has(k)) latencies.push(t - (sentAt.get(k) as number));
  const updates = sentAt.size;
  const lost = reports.flatMap((r) => r.vectors).filter((v) => v !== reference()).length;
  seed.destroy();
  seed.doc.destroy();
  await sleep(CLOSE_SETTLE_MS);
  const after = await server.stats();
  const cpu = after.cpuMs - before.cpuMs;
  const threadsPer1000 = Object.fromEntries(Object.entries(threadsSpent(before, after, updates / 1000)).map(([k, v]) => [k, Math.round(v)]));
  return { updates, cpuPer1000: (cpu / updates) * 1000, mainCpuPer1000: ((after.mainCpuMs - before.mainCpuMs) / updates) * 1000, threadsPer1000, p50: pct(latencies, 50), p99: pct(latencies, 99), max: Math.max(...latencies), samples: latencies.length, lost, loopP99: after.loopP99, loopMax: after.loopMax };
}

/** CPU each thread name used between two readings, divided by `per`. */
const threadsSpent = (before: ServerStats, after: ServerStats, per: number): Record<string, number> =>
  Object.fromEntries(Object.entries(after.threadsCpuMs).map(([k, v]) => [k, (v - (before.threadsCpuMs[k] ?? 0)) / per]));

type Opening = { heapPerDocKb: number; joinP50: number; joinP99: number; loopP99: number; loopMax: number; cpuPerJoin: number; runnerCpuPerJoin: number; mainCpuPerJoin: number; threadsPerJoin: Record<string, number> };

// Each round opens its own fresh documents; the previous round's close (idle timeout 5 s, then stored) before measuring.
async function manyDocs(server: Server, round: number | "warm-up"): Promise<Opening> {
  const { cookie } = server.ready;
  const first = round === "warm-up" ? EDIT_DOCS + ROUNDS * DOCS : EDIT_DOCS + round * DOCS;
  const docNames = server.ready.docNames.slice(first, first + (round === "warm-up" ? OPEN_WARMUP_DOCS : DOCS));
  await sleep(8000);
  collectRunnerGarbage();
  const before = await server.stats(true);
  const runnerBefore = process.cpuUsage();
  const providers: WebsocketProvider[] = [];
  const joins: number[] = [];
  for (let i = 0; i < docNames.length; i += 50) {
    const batch = docNames.slice(i, i + 50).map((name) => {
      const t0 = performance.now();
      const p = connect(server.ready, cookie, name);
      providers.push(p);
      return synced(p).then(() => {
        joins.push(performance.now() - t0);
        agendaRoots(p.doc).sessions.push([createSessionMap({ title: "Otwarcie", start: "09:00", end: "09:30", description: "Powitanie uczestników." })]);
      });
    });
    await Promise.all(batch);
  }
  await sleep(1500);
  const runnerCpu = process.cpuUsage(runnerBefore);
  const after = await server.stats(true);
  providers.forEach((p) => {
    p.destroy();
    p.doc.destroy();
  });
  return { heapPerDocKb: (after.heapUsed - before.heapUsed) / docNames.length / 1024, joinP50: pct(joins, 50), joinP99: pct(joins, 99), loopP99: after.loopP99, loopMax: after.loopMax, cpuPerJoin: (after.cpuMs - before.cpuMs) / docNames.length, runnerCpuPerJoin: (runnerCpu.user + runnerCpu.system) / 1000 / docNames.length, mainCpuPerJoin: (after.mainCpuMs - before.mainCpuMs) / docNames.length, threadsPerJoin: threadsSpent(before, after, docNames.length) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Both servers run side by side; rounds alternate the order (plain→app, app→plain, …) so load from elsewhere on the
// machine and whatever runs first hit both alike. Ratios are taken within a round; a target holds if their median does.
// Diagnostics, not measured runs: BENCH_PLAIN=./plain-in-app-server.ts hosts the baseline inside a started app process
// (tells the app's own code from the cost of the process it runs in); BENCH_PLAIN=/abs/path/to/app-server.js puts
// another build of the app in the baseline's place (an A/B of two versions in alternating rounds).
const servers = { plain: await startServer(process.env.BENCH_PLAIN ?? "./plain-server.ts"), app: await startServer(process.env.BENCH_APP ?? "./app-server.ts") };
const order = (round: number) => (round % 2 === 0 ? (["plain", "app"] as const) : (["app", "plain"] as const));
// Background CPU with nothing connected (the app's job queue, search outbox and index-lock timers, its threads' GC):
// counted in the replay's CPU like everything else the process does, shown apart so the table can be read.
const idleMsPerS = { plain: 0, app: 0 };
async function settle(server: Server, name: string): Promise<void> {
  const t0 = Date.now();
  let prev = await server.stats();
  let quietWindows = 0;
  let rate = NaN;
  while (quietWindows < 2 && Date.now() - t0 < 120_000) {
    await sleep(5000);
    const now = await server.stats();
    rate = (now.cpuMs - prev.cpuMs) / 5;
    prev = now;
    quietWindows = rate < QUIET_MS_PER_S ? quietWindows + 1 : 0;
  }
  console.log(`${name} settled after ${((Date.now() - t0) / 1000).toFixed(0)} s (${rate.toFixed(1)} ms/s)`);
}
await Promise.all([settle(servers.plain, "plain"), settle(servers.app, "app")]);
{
  const before = await Promise.all([servers.plain.stats(), servers.app.stats()]);
  await sleep(10_000);
  const after = await Promise.all([servers.plain.stats(), servers.app.stats()]);
  idleMsPerS.plain = (after[0].cpuMs - before[0].cpuMs) / 10;
  idleMsPerS.app = (after[1].cpuMs - before[1].cpuMs) / 10;
  console.log("idle CPU ms/s", JSON.stringify(idleMsPerS));
}
if (!OPEN_ONLY) for (const name of order(0)) console.log(`warm-up ${name} (not counted)`, JSON.stringify(await editing(servers[name], 0, WARMUP_SECONDS)));
const rounds: Record<"plain" | "app", Editing[]> = { plain: [], app: [] };
const openings: Record<"plain" | "app", Opening[]> = { plain: [], app: [] };
const results = {} as Record<"plain" | "app", Result>;
try {
  for (let round = 0; round < (OPEN_ONLY ? 0 : ROUNDS); round++) {
    for (const name of order(round)) {
      const e = await editing(servers[name], round + 1, SECONDS);
      rounds[name].push(e);
      console.log(`editing round ${round + 1} ${name}`, JSON.stringify(e));
    }
  }
  for (const name of order(0)) console.log(`open documents warm-up ${name} (not counted)`, JSON.stringify(await manyDocs(servers[name], "warm-up")));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of order(round)) {
      const o = await manyDocs(servers[name], round);
      openings[name].push(o);
      console.log(`open documents round ${round + 1} ${name}`, JSON.stringify(o));
    }
  }
  for (const name of ["plain", "app"] as const) {
    const rs = rounds[name];
    const os = openings[name];
    const sum = (k: "updates" | "samples" | "lost") => rs.reduce((a, r) => a + r[k], 0);
    results[name] = {
      name,
      updates: sum("updates"),
      cpuPer1000: median(rs.map((r) => r.cpuPer1000)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      max: Math.max(...rs.map((r) => r.max)),
      samples: sum("samples"),
      lost: sum("lost"),
      p99Rounds: rs.map((r) => r.p99),
      loopP99: median(rs.map((r) => r.loopP99)),
      loopMax: Math.max(...rs.map((r) => r.loopMax)),
      cpuRounds: rs.map((r) => r.cpuPer1000),
      heapPerDocKb: median(os.map((o) => o.heapPerDocKb)),
      joinP50: median(os.map((o) => o.joinP50)),
      joinP99: median(os.map((o) => o.joinP99)),
      heapRounds: os.map((o) => o.heapPerDocKb),
      joinP50Rounds: os.map((o) => o.joinP50),
      idleCpuMsPerS: idleMsPerS[name],
      docs: DOCS,
    };
    console.log(name, JSON.stringify(results[name]));
  }
} finally {
  // Disconnecting lets each server close and exit on its own (so a --cpu-prof profile is written); SIGTERM if it hangs.
  await Promise.all(
    Object.values(servers).map(({ child }) => {
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.disconnect();
      const timer = setTimeout(() => child.kill("SIGTERM"), 15_000);
      return exited.finally(() => clearTimeout(timer));
    }),
  );
}

const env = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"} (shared), Node ${process.version}`;
const { plain, app } = results;
if (!process.argv.includes("--no-write") && !OPEN_ONLY) writeReport({ plain, app, env, load: loadavg().map((n) => n.toFixed(1)).join(" / "), seconds: SECONDS, clients: CLIENTS, observers: OBSERVERS, rounds: ROUNDS });
process.exit(0);
