// One measurement phase in a fresh process (so RSS is not polluted by the other engine):
//   embedded-build    build the index file from the corpus;
//   embedded-serve    reopen that file like a restarted server (search on the main thread), then query in process
//                     and over HTTP;
//   embedded-threads  reopen it served by THREADS search threads (the production setting), then query over HTTP;
//   minisearch        build the in-memory MiniSearch index, then query in process and over HTTP.
// HTTP load comes from a separate process (wrk when installed, see measure.ts) and uses its own set of queries
// (seed 8). Prints one JSON line; run.ts collects them.
import { generateCorpus, generateQueries, type BenchQuery } from "./corpus";
import { embeddedBench, miniSearchBench, threadedBench, type BenchEngine } from "./engines";
import { httpLoadElsewhere, memory, percentile, serve } from "./measure";

const [phase, docs, queryCount, clients, httpSeconds, httpQueryCount, file, threads] = process.argv.slice(2);

async function inProcess(engine: BenchEngine, queries: BenchQuery[]) {
  for (const q of queries.slice(0, 50)) await engine.search(q.q, q.filter);
  const times: number[] = [];
  const cpu: number[] = [];
  let matches = 0;
  for (const q of queries) {
    const c = process.cpuUsage();
    const s = performance.now();
    const r = await engine.search(q.q, q.filter);
    times.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    matches += r.total;
  }
  return {
    p50: percentile(times, 50), p95: percentile(times, 95), cpu50: percentile(cpu, 50), cpu95: percentile(cpu, 95),
    matches: matches / queries.length,
  };
}

async function overHttp(engine: BenchEngine, queries: BenchQuery[]) {
  const server = await serve(engine);
  const http = await httpLoadElsewhere(server.url, queries, Number(clients), Number(httpSeconds));
  await server.close();
  return { hp50: http.p50, hp95: http.p95, hp99: http.p99, rps: http.rps, httpRequests: http.requests, loader: http.generator };
}

const corpus = generateCorpus(Number(docs));
const queries = generateQueries(corpus, Number(queryCount));
const httpQueries = generateQueries(corpus, Number(httpQueryCount), 8);
const base = memory();
const out: Record<string, number | string> = { phase };
if (phase === "embedded-build" || phase === "minisearch") {
  const engine = phase === "minisearch" ? miniSearchBench() : embeddedBench(file);
  const t0 = performance.now();
  await engine.build(corpus.docs);
  out.buildS = (performance.now() - t0) / 1000;
  const m = memory();
  out.rssMb = m.rss - base.rss;
  out.heapMb = m.heap - base.heap;
  if (phase === "minisearch") Object.assign(out, await inProcess(engine, queries), await overHttp(engine, httpQueries));
  await engine.close();
} else {
  const engine = phase === "embedded-threads" ? threadedBench(file, Number(threads)) : embeddedBench(file);
  const t0 = performance.now();
  await engine.search("", undefined);
  out.openS = (performance.now() - t0) / 1000;
  for (const q of queries.slice(0, 50)) await engine.search(q.q, q.filter);
  const m = memory();
  out.rssMb = m.rss - base.rss;
  out.heapMb = m.heap - base.heap;
  if (phase === "embedded-serve") Object.assign(out, await inProcess(engine, queries));
  Object.assign(out, await overHttp(engine, httpQueries));
  await engine.close();
}
console.log(JSON.stringify(out));
