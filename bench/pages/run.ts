// bench:pages (issue 16): requests/s and latency of the platform's pages under wrk, against a minimal Remix anchor
// app (bench/pages/anchor) reading the same 20 library rows from the same SQLite file, in the same run.
// Both are production builds in their own processes; the app is `start:built` with demo data in a temporary DATA_DIR.
// 3 rounds; in each, every app page is measured next to an anchor run, the order flipping each round (app→anchor,
// anchor→app, app→anchor), so load from other work on the machine falls on both sides alike. Reported: the median
// and spread over the rounds, p50/p99 from wrk --latency, and the ratio app/anchor (median of the paired ratios).
// --write puts the table into docs/BENCHMARKS.md (between the pages markers).
// Settings: BENCH_SECONDS (per wrk run, default 8), BENCH_CONNECTIONS (50), BENCH_ROUNDS (3); BENCH_APP_ROOT runs the
// app from another checkout (built there), e.g. an older commit for before/after figures.
import { execFile, fork, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { TestClient } from "../../tests/setup/http-client.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const appRoot = path.resolve(process.env.BENCH_APP_ROOT ?? root);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const write = process.argv.includes("--write");
const appPort = 3900 + Math.floor(Math.random() * 50);
const anchorPort = appPort + 50;
const tmp = mkdtempSync(path.join(tmpdir(), "frl-bench-pages-"));
const children: ChildProcess[] = [];
const log = (line: string) => console.log(`[bench:pages] ${line}`);

process.on("exit", () => {
  for (const child of children) child.kill("SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
});

async function waitFor(url: string, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function startApp() {
  const dataDir = path.join(tmp, "data");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(appPort),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${appPort}`,
    DATA_DIR: dataDir,
    SESSION_SECRET: "bench-pages-".padEnd(48, "x"),
    FRL_DEMO: "1",
    LOG_LEVEL: "error",
  };
  // As `npm run start:built` runs it: the compiled server (npm run build); an older checkout without one runs under tsx.
  const compiled = path.join(appRoot, "build/node/server/index.js");
  const args = existsSync(compiled) ? [compiled] : ["--import", "tsx", "server/index.ts"];
  const child = spawn(process.execPath, args, { cwd: appRoot, env, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  await waitFor(`http://127.0.0.1:${appPort}/healthz`);
  await waitFor(`http://127.0.0.1:${appPort}/biblioteka`);
  return { dataDir, child };
}

async function startAnchor(dbFile: string) {
  const anchorDir = path.join(root, "bench/pages/anchor");
  // Inside the repository (git-ignored), so the build resolves react and Remix from the platform's node_modules.
  const buildDir = path.join(anchorDir, "build");
  await run("npx", ["remix", "build"], { cwd: anchorDir, env: { ...process.env, NODE_ENV: "production", ANCHOR_BUILD_DIR: buildDir } });
  const child = fork(path.join(anchorDir, "server.mjs"), [buildDir, dbFile, String(anchorPort)], { env: { ...process.env, NODE_ENV: "production" }, execArgv: [], stdio: "inherit" });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`anchor exited with ${code}`)));
  });
  return child;
}

type Wrk = { rps: number; p50: number; p99: number; errors: number };

const toMs = (v: string, unit: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[unit];

async function wrk(url: string, cookie?: string, secs = seconds): Promise<Wrk> {
  // A 10 s timeout: on a loaded machine a slow answer is latency to report, not an error to drop.
  const args = ["-t2", `-c${connections}`, `-d${secs}s`, "--timeout", "10s", "--latency", ...(cookie ? ["-H", `Cookie: ${cookie}`] : []), url];
  const { stdout } = await run("wrk", args, { maxBuffer: 1 << 20 });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const lat = (p: string) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s|m)`).exec(stdout);
    return m ? toMs(m[1], m[2]) : NaN;
  };
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { rps, p50: lat("50"), p99: lat("99"), errors };
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const started = new Date();
  log(`starting the app from ${appRoot} on ${appPort} (production build, demo data, ${tmp})`);
  const { dataDir } = await startApp();
  const base = `http://127.0.0.1:${appPort}`;
  log("building and starting the anchor");
  await startAnchor(path.join(dataDir, "frl.db"));
  const anchorUrl = `http://127.0.0.1:${anchorPort}/`;

  // A signed-in page needs a session: sign in once through the real form, as a browser would.
  const client = new TestClient(base);
  await client.login("member@frl.test");
  const cookie = `frl_session=${client.cookie("frl_session")}`;
  const events = await (await fetch(`${base}/wydarzenia`)).text();
  const eventSlug = /href="\/wydarzenia\/([a-z0-9-]+)"/.exec(events)?.[1];
  if (!eventSlug) throw new Error("no event on /wydarzenia");
  const pages = [
    { name: "home `/`", url: `${base}/` },
    { name: "`/biblioteka`", url: `${base}/biblioteka` },
    { name: "`/biblioteka?q=rewitalizacja`", url: `${base}/biblioteka?q=rewitalizacja` },
    { name: "event page", url: `${base}/wydarzenia/${eventSlug}` },
    { name: "agenda workspace (signed in)", url: `${base}/wydarzenia/${eventSlug}/program`, cookie },
  ];
  for (const page of pages) {
    const res = await fetch(page.url, { headers: page.cookie ? { cookie: page.cookie } : {}, redirect: "manual" });
    if (res.status !== 200) throw new Error(`${page.url} answered ${res.status}`);
  }
  const anchorRows = ((await (await fetch(anchorUrl)).text()).match(/<li>/g) ?? []).length;
  if (anchorRows !== 20) throw new Error(`the anchor shows ${anchorRows} rows, not 20`);

  log(`warming up (${pages.length + 1} × 2 s)`);
  for (const page of pages) await wrk(page.url, page.cookie, 2);
  await wrk(anchorUrl, undefined, 2);

  const results = pages.map(() => ({ app: [] as Wrk[], anchor: [] as Wrk[], ratios: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    const appFirst = round % 2 === 0;
    for (const [i, page] of pages.entries()) {
      const one = async (which: "app" | "anchor") => {
        const r = which === "app" ? await wrk(page.url, page.cookie) : await wrk(anchorUrl);
        results[i][which].push(r);
        log(`round ${round + 1} ${which === "app" ? page.name : "anchor"}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms${r.errors ? `, ${r.errors} errors` : ""}`);
      };
      for (const which of appFirst ? (["app", "anchor"] as const) : (["anchor", "app"] as const)) await one(which);
      const n = results[i].app.length - 1;
      results[i].ratios.push(results[i].app[n].rps / results[i].anchor[n].rps);
    }
  }

  const f0 = (n: number) => n.toFixed(0);
  const f1 = (n: number) => n.toFixed(1);
  const spread = (xs: number[], f: (n: number) => string) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
  const rows = pages.map((page, i) => {
    const r = results[i];
    const ratio = median(r.ratios);
    const target = i < 3 ? (ratio >= 0.5 ? "≥ 0.5×: met" : "≥ 0.5×: not met") : "";
    return `| ${page.name} | ${f0(median(r.app.map((x) => x.rps)))} (${spread(r.app.map((x) => x.rps), f0)}) | ${f1(median(r.app.map((x) => x.p50)))} / ${f1(median(r.app.map((x) => x.p99)))} | ${f0(median(r.anchor.map((x) => x.rps)))} (${spread(r.anchor.map((x) => x.rps), f0)}) | ${f1(median(r.anchor.map((x) => x.p50)))} / ${f1(median(r.anchor.map((x) => x.p99)))} | ${ratio.toFixed(2)} (${spread(r.ratios, (n) => n.toFixed(2))}) | ${target} |`;
  });
  const errors = results.reduce((sum, r) => sum + [...r.app, ...r.anchor].reduce((a, x) => a + x.errors, 0), 0);
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  let table = [
    `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus().length} × ${cpu} (shared with other work; load average ${loadavg()[0].toFixed(1)} at the end), Node ${process.version}, wrk ${connections} connections, ${seconds} s per run, ${rounds} rounds. Command: \`npm run bench:pages\`.${errors ? ` Errors (non-2xx or socket): ${errors}.` : ""}`,
    "",
    "| page | app req/s, median (spread) | app p50 / p99 ms | anchor req/s | anchor p50 / p99 ms | app/anchor (spread) | target |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
  console.log(`\n${table}\n`);
  if (write) {
    const file = path.join(root, "docs/BENCHMARKS.md");
    const doc = readFileSync(file, "utf8");
    const start = "<!-- pages-run:start -->";
    const end = "<!-- pages-run:end -->";
    if (!doc.includes(start)) throw new Error(`docs/BENCHMARKS.md has no ${start} marker`);
    if (appRoot !== root) table = `App from ${appRoot} (commit ${(await run("git", ["rev-parse", "--short", "HEAD"], { cwd: appRoot })).stdout.trim()}).\n\n${table}`;
    writeFileSync(file, doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`));
    log("written to docs/BENCHMARKS.md");
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
