// IPC shared by the two bench servers: the parent asks for CPU and heap (after a forced GC) of the server process.
export type ServerStats = { cpuMs: number; heapUsed: number; rss: number };
export type ServerReady = { port: number; cookie: string; docNames: string[] };

/** Answers `stats` requests from the bench runner over the child-process IPC channel. */
export function serveStats(): void {
  process.on("message", (msg: { cmd: string; id: number; gc?: boolean }) => {
    if (msg.cmd !== "stats") return;
    if (msg.gc && typeof global.gc === "function") {
      global.gc();
      global.gc();
    }
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    process.send?.({ id: msg.id, stats: { cpuMs: (cpu.user + cpu.system) / 1000, heapUsed: mem.heapUsed, rss: mem.rss } satisfies ServerStats });
  });
}
