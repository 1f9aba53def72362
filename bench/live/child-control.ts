// IPC between the bench runner and a server child: ready info, heap after GC, CPU and send-path times over a window,
// shutdown.
import { takeSendPathTimes } from "./send-path-timing.js";
export type ReadyInfo = { url: string; eventId: number; threadId: number; cookies: string[] };

/** Answers the runner's requests over the IPC channel. */
export function serveBenchControl(info: ReadyInfo, close: () => Promise<void>): void {
  let cpuStart = process.cpuUsage();
  let wallStart = process.hrtime.bigint();
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on("message", async (msg: { type: string }) => {
    if (msg.type === "heap") {
      for (let i = 0; i < 3; i++) gc?.();
      process.send!({ type: "heap", heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
    } else if (msg.type === "cpu-start") {
      cpuStart = process.cpuUsage();
      wallStart = process.hrtime.bigint();
      takeSendPathTimes();
      process.send!({ type: "cpu-start" });
    } else if (msg.type === "cpu-stop") {
      const used = process.cpuUsage(cpuStart);
      const wallUs = Number(process.hrtime.bigint() - wallStart) / 1000;
      process.send!({ type: "cpu-stop", cpuPercent: ((used.user + used.system) / wallUs) * 100, cpuMs: (used.user + used.system) / 1000, sendPathMs: takeSendPathTimes() });
    } else if (msg.type === "close") {
      await close();
      process.exit(0);
    }
  });
  process.send!({ type: "ready", ...info });
}
