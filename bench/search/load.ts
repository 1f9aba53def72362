// The HTTP load generator, run as its own process (like autocannon or wrk would be) so the clients' work does not
// share the server's event loop: reads { url, queries, clients, total } as JSON on stdin, runs the closed loop and
// prints the latencies (ms) as one JSON line.
import { httpLoad } from "./measure";
import type { BenchQuery } from "./corpus";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { url, queries, clients, total } = JSON.parse(input) as { url: string; queries: BenchQuery[]; clients: number; total: number };
const times = await httpLoad(url, queries, clients, total);
console.log(JSON.stringify(times));
