// IPC shared by the two bench servers: the parent asks for CPU and heap (after a forced GC) of the server process.
import { readdirSync, readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { writeHeapSnapshot } from "node:v8";

export type ServerStats = { cpuMs: number; mainCpuMs: number; threadsCpuMs: Record<string, number>; heapUsed: number; rss: number; loopP99: number; loopMax: number };

const ticksToMs = (fields: string[]) => ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux

/**
 * CPU per thread name (Linux /proc; empty elsewhere): "main" is the event loop; every other thread (V8's compiler and
 * GC helpers, worker_threads Workers such as search and merging) is summed under its name, which Node 20 leaves as
 * "node" for all of them. Tells what a round's CPU went to beyond the event loop. BENCH_TIDS=1 keeps each thread
 * apart (name:tid), e.g. to see the merge worker, which starts last.
 */
function threadsCpuMs(): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
        const name = tid === String(process.pid) ? "main" : stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) + (process.env.BENCH_TIDS ? `:${tid}` : "");
        out[name] = (out[name] ?? 0) + ticksToMs(stat.slice(stat.lastIndexOf(")") + 2).split(" "));
      } catch {
        // the thread ended between listing and reading
      }
    }
  } catch {
    // not Linux
  }
  return out;
}
/** cookie: the runner's own session; cookies/userIds: one person per editing client (the plain server has no sessions). */
export type ServerReady = { port: number; cookie: string; cookies: string[]; userIds: number[]; docNames: string[] };

/** Answers `stats` requests from the bench runner over the child-process IPC channel. */
export function serveStats(): void {
  // Event-loop delay since the previous stats request: shows whether the server itself stalls.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on("message", (msg: { cmd: string; id: number; gc?: boolean }) => {
    if (msg.cmd !== "stats") return;
    const loopP99 = loop.percentile(99) / 1e6;
    const loopMax = loop.max / 1e6;
    loop.reset();
    if (msg.gc && typeof global.gc === "function") {
      global.gc();
      global.gc();
    }
    // BENCH_HEAPSNAP=1: a heap snapshot with each GC'd reading (to see what a document costs; not for measured runs).
    if (msg.gc && process.env.BENCH_HEAPSNAP) writeHeapSnapshot(`.tmp/prof/${process.pid}-${msg.id}.heapsnapshot`);
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    const threads = threadsCpuMs();
    // The main thread alone (NaN off Linux) tells the event loop's work from V8's helper threads.
    process.send?.({ id: msg.id, stats: { cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs: threads.main ?? NaN, threadsCpuMs: threads, heapUsed: mem.heapUsed, rss: mem.rss, loopP99, loopMax } satisfies ServerStats });
  });
}
