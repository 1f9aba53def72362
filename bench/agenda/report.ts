import { existsSync, readFileSync, writeFileSync } from "node:fs";

export type Result = {
  name: "plain" | "app";
  updates: number;
  cpuPer1000: number;
  p50: number;
  p99: number;
  max: number;
  samples: number;
  lost: number;
  heapPerDocKb: number;
  joinP50: number;
  joinP99: number;
  docs: number;
};

const FILE = "docs/BENCHMARKS.md";
const START = "<!-- agenda:start -->";
const END = "<!-- agenda:end -->";

const ms = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** Rewrites the Agenda section of docs/BENCHMARKS.md (between its markers) with this run's numbers. */
export function writeReport(r: { plain: Result; app: Result; env: string; seconds: number; clients: number; observers: number }): void {
  const { plain, app } = r;
  const cpuRatio = app.cpuPer1000 / plain.cpuPer1000;
  const p99Ratio = app.p99 / plain.p99;
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  const section = `${START}
## Agenda (Yjs)

Command: \`npm run bench:agenda\` (bench/agenda/run.ts). The real app (session cookie, access rules, limits,
append-only SQLite persistence with batching and compaction) against a plain \`@y/websocket-server\` 0.1.1
(\`setupWSConnection\`, in-memory, no auth) in the same run; each server in its own child process, the clients
(y-websocket 3.1 \`WebsocketProvider\`) in the runner.

- Editing: ${r.clients} clients on one document for ${r.seconds} s replaying a seeded trace (80 % typing 1–3 characters
  into a session description, 10 % title changes, 5 % dot votes, 5 % cursor/awareness moves; one action per client
  every 120–280 ms). Fan-out latency = receive time at ${r.observers} observer clients − local edit time at the sender
  (same process clock), matched by Yjs struct id. Server CPU = user + system time of the server process during the
  replay, per 1,000 updates sent.
- Open documents: ${plain.docs} documents, one client each, joined 50 at a time; each client then adds one session.
  Heap per document = server heap after GC with all joined, minus before, / ${plain.docs} (includes the connection).
  Join time = new provider → first \`sync\`.

Measured ${when} UTC on ${r.env}.

| | plain @y/websocket-server | app | target |
|---|---|---|---|
| updates replayed | ${plain.updates} | ${app.updates} | |
| server CPU per 1,000 updates | ${ms(plain.cpuPer1000)} | ${ms(app.cpuPer1000)} | ≤ 1.2 × plain: ratio ${cpuRatio.toFixed(2)} (${verdict(cpuRatio <= 1.2)}) |
| fan-out p50 | ${ms(plain.p50)} | ${ms(app.p50)} | |
| fan-out p99 | ${ms(plain.p99)} | ${ms(app.p99)} | ≤ 1.2 × plain: ratio ${p99Ratio.toFixed(2)} (${verdict(p99Ratio <= 1.2)}); ≤ 50 ms (${verdict(app.p99 <= 50)}) |
| fan-out max | ${ms(plain.max)} | ${ms(app.max)} | |
| latency samples | ${plain.samples} | ${app.samples} | |
| clients not converged at the end | ${plain.lost} | ${app.lost} | 0 |
| heap per open document | ${plain.heapPerDocKb.toFixed(1)} KB | ${app.heapPerDocKb.toFixed(1)} KB | |
| join time p50 / p99 | ${ms(plain.joinP50)} / ${ms(plain.joinP99)} | ${ms(app.joinP50)} / ${ms(app.joinP99)} | |

The machine is shared by several engineers running builds and tests; numbers move between runs, the ratio is taken
within one run.
${END}`;
  const text = existsSync(FILE) ? readFileSync(FILE, "utf8") : "# Benchmarks\n";
  const i = text.indexOf(START);
  const j = text.indexOf(END);
  const next = i >= 0 && j > i ? text.slice(0, i) + section + text.slice(j + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, next);
}
