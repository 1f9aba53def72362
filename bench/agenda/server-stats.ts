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
function threadsCpuMs(pid: number | "self" = "self", prefix = ""): Record<string, number> {
  const out: Record<string, number> = {};
  const own = pid === "self" ? String(process.pid) : String(pid);
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const name = prefix + (tid === own ? "main" : stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) + (process.env.BENCH_TIDS ? `:${tid}` : ""));
        out[name] = (out[name] ?? 0) + ticksToMs(stat.slice(stat.lastIndexOf(")") + 2).split(" "));
      } catch {
        // the thread ended between listing and reading
      }
    }
  } catch {
    // not Linux, or the process is gone
  }
  return out;
}

/** A helper process of the server (the app's /collab process): its CPU and heap count as the server's. */
export type HelperStats = (gc: boolean) => Promise<{ pid: number; heapUsed: number } | undefined>;

/** cookie: the runner's own session; cookies/userIds: one person per editing client (the plain server has no sessions). */
/**
 * port: the site's port (Origin and Host name it); collabPort: where clients open /collab when the server has a port
 * of its own for it (the app's COLLAB_PORT, where a reverse proxy routes /collab in production), else port.
 */
export type ServerReady = { port: number; collabPort?: number; cookie: string; cookies: string[]; userIds: number[]; docNames: string[] };

/** Answers `stats` requests from the bench runner over the child-process IPC channel. */
export function serveStats(helper?: HelperStats): void {
  // Event-loop delay since the previous stats request: shows whether the server itself stalls.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on("message", async (msg: { cmd: string; id: number; gc?: boolean }) => {
    if (msg.cmd !== "stats") return;
    const extra = await helper?.(msg.gc === true);
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
    // The helper's threads under "collab:" ("collab:main" is its event loop); its CPU and heap are added to the server's.
    const helperThreads = extra ? threadsCpuMs(extra.pid, "collab:") : {};
    const helperCpu = Object.values(helperThreads).reduce((a, b) => a + b, 0);
    // The main thread alone (NaN off Linux) tells the event loop's work from V8's helper threads.
    process.send?.({
      id: msg.id,
      stats: { cpuMs: (cpu.user + cpu.system) / 1000 + helperCpu, mainCpuMs: threads.main ?? NaN, threadsCpuMs: { ...threads, ...helperThreads }, heapUsed: mem.heapUsed + (extra?.heapUsed ?? 0), rss: mem.rss, loopP99, loopMax } satisfies ServerStats,
    });
  });
}
