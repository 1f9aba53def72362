// Timing helpers for the search benchmark: percentiles, memory snapshots after GC, and a closed-loop HTTP load of
// N concurrent keep-alive clients against a node:http server wrapping one engine.
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BenchEngine } from "./engines";
import type { BenchQuery } from "./corpus";

/** p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** RSS and heap in MB after a full GC (run node with --expose-gc for meaningful numbers). */
export function memory(): { rss: number; heap: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: (m.heapUsed + m.external + m.arrayBuffers) / 2 ** 20 };
}

/** Serves GET /search?q=&filter= from one engine on an ephemeral port. */
export async function serve(engine: BenchEngine): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    try {
      const r = await engine.search(u.searchParams.get("q") ?? "", u.searchParams.get("filter") || undefined);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(r));
    } catch (e) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: (e as Error).message }));
    }
  });
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Closed loop: `clients` concurrent clients each send their share of `total` requests, one after another. */
export async function httpLoad(url: string, queries: BenchQuery[], clients: number, total: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const times: number[] = [];
  let next = 0;
  const one = (q: BenchQuery) =>
    new Promise<void>((resolve, reject) => {
      const params = new URLSearchParams({ q: q.q, ...(q.filter ? { filter: q.filter } : {}) });
      const started = performance.now();
      http
        .get(`${url}/search?${params}`, { agent }, (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode} for ${q.q}`));
            times.push(performance.now() - started);
            resolve();
          });
        })
        .on("error", reject);
    });
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await one(queries[next++ % queries.length]);
    }),
  );
  agent.destroy();
  return times;
}

/** httpLoad run in a separate process (bench/search/load.ts), so the server's thread serves and nothing else. */
export function httpLoadElsewhere(url: string, queries: BenchQuery[], clients: number, total: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", new URL("./load.ts", import.meta.url).pathname], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as number[]) : reject(new Error(`load generator exited with ${code}`))));
    child.stdin.end(JSON.stringify({ url, queries, clients, total }));
  });
}
