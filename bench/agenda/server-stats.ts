// IPC shared by the two bench servers: the parent asks for CPU and heap (after a forced GC) of the server process.
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { writeHeapSnapshot } from "node:v8";

export type ServerStats = { cpuMs: number; mainCpuMs: number; heapUsed: number; rss: number; loopP99: number; loopMax: number };

/** CPU of the main thread alone (Linux /proc; NaN elsewhere): tells the event loop's work from V8's helper threads. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ, 100 on Linux) → ms
  } catch {
    return NaN;
  }
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
    process.send?.({ id: msg.id, stats: { cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs: mainThreadCpuMs(), heapUsed: mem.heapUsed, rss: mem.rss, loopP99, loopMax } satisfies ServerStats });
  });
}
