// The Node.js HTTP load generator (used when wrk is not installed, or with BENCH_LOADER=node), run as its own
// process so the clients' work does not share the server's event loop: reads { url, queries, clients, seconds } as
// JSON on stdin, runs the closed loop and prints the result as one JSON line.
import { httpLoad } from "./measure";
import type { BenchQuery } from "./corpus";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { url, queries, clients, seconds } = JSON.parse(input) as { url: string; queries: BenchQuery[]; clients: number; seconds: number };
console.log(JSON.stringify(await httpLoad(url, queries, clients, seconds)));
