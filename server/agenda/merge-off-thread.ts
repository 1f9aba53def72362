import { Worker } from "node:worker_threads";
import * as Y from "yjs";

/**
 * Y.mergeUpdates in a worker thread, one worker shared per process and started on first use. If the worker cannot
 * start, merging falls back to the main thread (correct, only slower).
 */
export class OffThreadMerger {
  private worker: Worker | null | undefined;
  private next = 0;
  private waiting = new Map<number, { resolve: (u: Uint8Array) => void; reject: (e: Error) => void }>();

  /** Merges updates; rejects when one of them does not decode. */
  merge(rows: Uint8Array[]): Promise<Uint8Array> {
    const worker = this.start();
    if (!worker) return Promise.resolve().then(() => Y.mergeUpdates(rows));
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, rows });
    });
  }

  /** Stops the worker (shutdown). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }

  private start(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      // No inherited flags: the server runs with `--import tsx`, which a worker would load again for a plain .mjs file
      // (the first compaction cost 115 ms of CPU with it, 50 ms without).
      const worker = new Worker(new URL("./merge-worker.mjs", import.meta.url), { execArgv: [] });
      worker.unref();
      worker.on("message", (m: { id: number; merged?: Uint8Array; error?: string }) => {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error !== undefined || !m.merged) w?.reject(new Error(m.error ?? "merge failed"));
        else w?.resolve(m.merged);
      });
      worker.on("error", (error) => this.failAll(error));
      worker.on("exit", () => {
        this.worker = undefined;
        this.failAll(new Error("merge worker exited"));
      });
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  private failAll(error: Error): void {
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}
