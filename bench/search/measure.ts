// Timing helpers for the search benchmark: percentiles, memory snapshots after GC, and a closed-loop HTTP load of
// N concurrent keep-alive clients (wrk, or Node's http client) against a node:http server wrapping one engine.
import { execFile, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** What one HTTP load run measured. */
export type HttpLoadResult = { rps: number; p50: number; p95: number; p99: number; requests: number; generator: string };

/** Closed loop for `seconds`: `clients` concurrent keep-alive clients each send the next query as soon as the last answer arrives. */
export async function httpLoad(url: string, queries: BenchQuery[], clients: number, seconds: number): Promise<HttpLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const times: number[] = [];
  let next = 0;
  const one = (q: BenchQuery) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      http
        .get(`${url}${searchPath(q)}`, { agent }, (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode} for ${q.q}`));
            times.push(performance.now() - started);
            resolve();
          });
        })
        .on("error", reject);
    });
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) await one(queries[next++ % queries.length]);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    rps: times.length / elapsed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests: times.length,
    generator: `node:http client (Node ${process.version})`,
  };
}

/** The request path of one benchmark query. */
export function searchPath(q: BenchQuery): string {
  return "/search?" + new URLSearchParams({ q: q.q, ...(q.filter ? { filter: q.filter } : {}) }).toString();
}

/** The wrk version line, or null when wrk is not installed (Debian package `wrk`). */
function wrkVersion(): string | null {
  const r = spawnSync("wrk", ["-v"], { encoding: "utf8" });
  return r.error ? null : (r.stdout + r.stderr).split("\n")[0].split(" Copyright")[0].trim();
}

/**
 * The load from another process, so the server's cores are not also running the clients' JavaScript: wrk (a C load
 * generator, ~0.03 ms of CPU per request) when installed, else bench/search/load.ts (Node's http client, ~0.25 ms
 * per request on this machine). BENCH_LOADER=node forces the latter.
 */
export async function httpLoadElsewhere(url: string, queries: BenchQuery[], clients: number, seconds: number): Promise<HttpLoadResult> {
  const wrk = process.env.BENCH_LOADER === "node" ? null : wrkVersion();
  if (!wrk) return nodeLoad(url, queries, clients, seconds);
  const dir = mkdtempSync(join(tmpdir(), "frl-bench-"));
  const paths = join(dir, "paths.txt");
  writeFileSync(paths, queries.map(searchPath).join("\n") + "\n");
  const script = new URL("./load.lua", import.meta.url).pathname;
  // Not spawnSync: the server answering wrk runs in this process.
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile("wrk", ["-t1", `-c${clients}`, `-d${seconds}s`, "--timeout", "30s", "-s", script, url, "--", paths], (error, so, se) =>
      error ? reject(new Error(`wrk failed: ${se || error.message}`)) : resolve(so),
    ),
  ).finally(() => rmSync(dir, { recursive: true, force: true }));
  const out = JSON.parse(stdout.trim().split("\n").pop()!) as { requests: number; seconds: number; p50: number; p95: number; p99: number; non2xx: number; socketErrors: number };
  if (out.non2xx || out.socketErrors) throw new Error(`wrk saw ${out.non2xx} non-2xx answers and ${out.socketErrors} socket errors`);
  return { rps: out.requests / out.seconds, p50: out.p50, p95: out.p95, p99: out.p99, requests: out.requests, generator: wrk };
}

function nodeLoad(url: string, queries: BenchQuery[], clients: number, seconds: number): Promise<HttpLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", new URL("./load.ts", import.meta.url).pathname], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as HttpLoadResult) : reject(new Error(`load generator exited with ${code}`)),
    );
    child.stdin.end(JSON.stringify({ url, queries, clients, seconds }));
  });
}
