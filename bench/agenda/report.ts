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
  p99Rounds: number[];
  loopP99: number;
  loopMax: number;
  cpuRounds: number[];
  heapRounds: number[];
  joinP50Rounds: number[];
  idleCpuMsPerS: number;
};

const FILE = "docs/BENCHMARKS.md";
const START = "<!-- agenda:start -->";
const END = "<!-- agenda:end -->";

const ms = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** Rewrites the Agenda section of docs/BENCHMARKS.md (between its markers) with this run's numbers. */
export function writeReport(r: { plain: Result; app: Result; env: string; load: string; seconds: number; clients: number; observers: number; rounds: number }): void {
  const { plain, app } = r;
  // Per-round ratios (app ÷ plain of the same round); a target holds when their median meets it.
  const per = (a: number[], b: number[]) => a.map((x, i) => x / b[i]);
  const cpu = per(app.cpuRounds, plain.cpuRounds);
  const p99 = per(app.p99Rounds, plain.p99Rounds);
  const join = per(app.joinP50Rounds, plain.joinP50Rounds);
  const heap = per(app.heapRounds, plain.heapRounds);
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
  const ratioCell = (xs: number[], limit: number) => `≤ ${limit} × plain: median ratio ${med(xs).toFixed(2)}, rounds ${spread(xs)} (${verdict(med(xs) <= limit)})`;
  const tailNote =
    app.p99 <= 50
      ? "The absolute p99 target is met."
      : plain.p99 > 50
        ? `The absolute p99 ≤ 50 ms target is missed by the plain server too (${ms(plain.p99)}): the tail is set by CPU contention on this machine, so this run cannot show whether the app meets it; the per-round p99s move together for both servers.`
        : `The app misses the absolute p99 ≤ 50 ms target while the plain server meets it in the same run.`;
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  const section = `${START}
## Agenda (Yjs)

Command: \`npm run bench:agenda\` (bench/agenda/run.ts). The real app (session cookie, access rules, limits,
append-only SQLite persistence with batching and compaction) against a plain \`@y/websocket-server\` 0.1.1
(\`setupWSConnection\`, in-memory, no auth) in the same run; each server in its own child process, the clients
(y-websocket 3.1 \`WebsocketProvider\`) in 2 child processes (editing) and in the runner (open documents). Both servers
run compiled to JavaScript under plain node (scripts/build-server.ts into .tmp/bench-agenda-node), as \`npm start\` runs
the app: with \`NODE_ENV=production\`, so /collab runs in the app's own /collab process (decision 0014), and the app's
CPU and heap below are those of both of its processes, summed. The app's clients open /collab on that process's own
port (\`COLLAB_PORT\`, decision 0015), where a reverse proxy routes /collab in production, with Host and Origin naming
the site as through the proxy; neither server has a proxy in front of it here.

- Before measuring, each server settles (until it uses < 12 ms/s of CPU for two 5-s windows in a row, at most 120 s:
  the app seeds and indexes 1,500 events at start) and then gets one editing warm-up as long as a round on its own
  document, not counted (V8 compiles both servers' hot paths during their first round of traffic).
- Editing: ${r.rounds} rounds, both servers running, the order alternating (plain→app, app→plain, plain→app); each
  round ${r.clients} people (each signed in with their own session) on a fresh document for ${r.seconds} s (60 by default: in
  20-s rounds V8's compiling on its helper threads was a large and random share of a round's CPU) replaying a seeded trace of people working in bursts:
  5–20 actions 150–300 ms apart (85 % typing 1–3 characters into a session description, 8 % title changes, 7 % dot
  votes), then 2–8 s reading with an occasional cursor (awareness) move. The same seed drives both servers. Fan-out
  latency = receive time at ${r.observers} observer clients − local edit time at the sender (absolute
  \`performance.timeOrigin + now()\`, clients in 2 child processes), matched by Yjs struct id. Server CPU = user + system
  time of the server's processes (the app's two) from before the replay until 7 s after its last client left (the app stores and compacts
  a document 5 s after that; the plain server keeps it in memory), per 1,000 updates sent. Table: median over the rounds; each ratio is
  app ÷ plain within one round, and a target holds only if the median of those ratios meets it.
- Open documents: ${r.rounds} rounds in the same alternating order, each on ${plain.docs} fresh documents, one client each,
  joined 50 at a time; each client then adds one session.
  Heap per document = server heap after GC with all joined, minus before, / ${plain.docs} (includes the connection).
  Join time = new provider → first \`sync\`. Before the measured rounds each server opens 100 documents unmeasured
  (the join path's warm-up).

Measured ${when} UTC on ${r.env}.

| | plain @y/websocket-server | app | target |
|---|---|---|---|
| updates replayed (all rounds) | ${plain.updates} | ${app.updates} | |
| server CPU per 1,000 updates | ${ms(plain.cpuPer1000)} | ${ms(app.cpuPer1000)} | ${ratioCell(cpu, 1.2)} |
| fan-out p50 | ${ms(plain.p50)} | ${ms(app.p50)} | |
| fan-out p99 | ${ms(plain.p99)} | ${ms(app.p99)} | ${ratioCell(p99, 2)}; ≤ 50 ms (${verdict(app.p99 <= 50)}) |
| fan-out max | ${ms(plain.max)} | ${ms(app.max)} | |
| fan-out p99 per round | ${plain.p99Rounds.map(ms).join(", ")} | ${app.p99Rounds.map(ms).join(", ")} | |
| server CPU while idle, before the rounds (included above) | ${plain.idleCpuMsPerS.toFixed(1)} ms/s | ${app.idleCpuMsPerS.toFixed(1)} ms/s | |
| CPU per 1,000 updates per round | ${plain.cpuRounds.map(ms).join(", ")} | ${app.cpuRounds.map(ms).join(", ")} | |
| server event-loop delay p99 / max during replay | ${ms(plain.loopP99)} / ${ms(plain.loopMax)} | ${ms(app.loopP99)} / ${ms(app.loopMax)} | |
| latency samples | ${plain.samples} | ${app.samples} | |
| clients not converged after a round | ${plain.lost} | ${app.lost} | 0 |
| heap per open document | ${plain.heapPerDocKb.toFixed(1)} KB | ${app.heapPerDocKb.toFixed(1)} KB | ${ratioCell(heap, 1.2)} |
| heap per open document per round | ${plain.heapRounds.map((k) => k.toFixed(1) + " KB").join(", ")} | ${app.heapRounds.map((k) => k.toFixed(1) + " KB").join(", ")} | |
| join time p50 / p99 | ${ms(plain.joinP50)} / ${ms(plain.joinP99)} | ${ms(app.joinP50)} / ${ms(app.joinP99)} | p50 ${ratioCell(join, 1.3)} |
| join time p50 per round | ${plain.joinP50Rounds.map(ms).join(", ")} | ${app.joinP50Rounds.map(ms).join(", ")} | |

The machine is shared by several engineers running builds and tests (load average ${r.load} during the run on
2 cores); numbers move between runs, the ratios are taken within one run. ${tailNote}

The row "event-loop delay" shows whether the app's own event loop stalls more than the plain server's. Earlier runs
showed app stalls of 100–300 ms that set its tail: compaction (\`Y.mergeUpdates\` over the stored rows) ran on the main
thread every 200 rows; it now runs in a worker thread every 1,000 rows. \`BENCH_DATABASE_URL=postgres://…\` runs the
app on PostgreSQL for comparison.

What changed for issue 16 (profiled with \`BENCH_PROF=app\`, which writes a \`--cpu-prof\` profile of the app server to
.tmp/prof, and \`BENCH_HEAPSNAP=1\`, heap snapshots at each GC'd reading):
- Heap per open document: each upgraded connection kept its whole HTTP request alive (the socket's close listener
  was created in the same scope as a closure that used the request: ~2 KB per connection, socket.io connections
  too); the vote guard created four root types in every document (now it only looks up \`proposals\` and \`meta\`,
  and keeps no maps for a document without proposals); per-document closures became a class (the guard) and one
  hooks object shared by all rooms — under tsx, which then ran the server, every named closure also carries its own
  \`name\` property (~200 bytes per closure per document); a WeakSet per room became a flag on the connection.
- Join: the access check reads the event's end time only (it read the full event with a join, a sub-query and its
  areas), and a new document takes the dots budget from the settings the check just read.
- CPU: awareness updates a client sends for its own client ids are passed on as they came (they were decoded and
  re-encoded). The trace itself changed: each editing client is now a different person with their own session who
  spends their own dots within the budget. Before, all 50 clients shared one session and wrote votes under 50
  different keys, so the app refused (and wrote back) every vote — work the plain server never did, and not what
  people do through the workspace, which only offers a person their own dots.

Second pass (2026-12-06; 1-round runs with \`BENCH_PROF=app\`, per-thread CPU from /proc, \`--trace-gc\`, time per SQL
statement, and an allocation profile of 300 joins):
- Persistence: each open document's merged update was its own insert, built by kysely (its values parser: 30 ms per
  editing round, more than SQLite's insert) and committed alone: 50 documents open = 50 commits per 90 ms window.
  Now one prepared insert per row and one transaction per window for all documents; a failed window keeps every
  update for the next flush. Opening a document reads its snapshots and updates in one prepared query, not two.
- SQLite: kysely's lock on the one connection woke every waiting query at each release (n² wake-ups per burst:
  6.8 µs a query with 150 waiting, 38 µs with 1,000); the connection now goes to the next waiter (2.5–3 µs).
- Awareness entries of a client's own ids are skipped over, not decoded into strings and copied into two encoders;
  an accepted vote keeps what the guard's check read instead of copying every proposal again; without Redis no
  relay messages are encoded (a sync step 1 per opened document), and a broadcast only when someone receives it.
- What is left, measured: per thread in one 20 s editing round the app's main thread used 1,042 ms against 833 ms
  and V8's helper threads 254 against 178 ms. Both allocate about the same while editing (172 vs 147 MB swept by
  scavenges), but an app scavenge costs 2.4 ms against 1.1 ms: the app's heap is 57 MB after start (26 MB of it
  module sources and source maps that tsx keeps, 12 MB code) against about 8 MB. The app's own JavaScript
  (persistence, vote guard, access, awareness) is about 5 % of its main thread. Idle: the job queue, search outbox
  and index-lock timers cost 0.7 ms/s of main-thread time; the idle figure above, taken soon after start, is
  start-up GC (V8's memory reducer after seeding and indexing 1,500 events) and falls to 4 vs 2.5 ms/s later, so
  the polls were left as they are (several instances rely on them). Join: the upgrade (session, access, 50 at once)
  takes as long as the plain server's (46 vs 45 ms p50 in a probe); the app spends its extra time afterwards, on
  CPU: 173 KB allocated per join, of which ~50 KB applying the clients' updates (as the plain server does), ~32 KB
  opening the room (Y.Doc, awareness, the budget written into a new document) and ~15 KB running the queries.

Third pass (2026-12-06, fourth session; details in "Issue 16: status after the 2026-12-06 fourth session"): updates
are written in 1-s windows instead of 90 ms, and at once when a document's last client leaves (an A/B of the two
builds side by side: 0.87 × the CPU); the vote guard checks only the proposals a transaction touched; a join's 101
answer and first messages leave in one write. \`BENCH_PLAIN=./plain-in-app-server.ts\` runs the plain server inside
a started app process: there the app's agenda path costs 0.96 × the library's (median of 3 rounds), so what remains
against the bare server is the cost of the app's process, not of the agenda code.

Fourth pass (2026-12-06, fifth session; details in "Issue 16: status after the 2026-12-06 fifth session"): in
production /collab runs in its own process (\`COLLAB_PROCESS=1\`, decision 0014), forked by the app, which hands each
accepted upgrade over with its socket; a new document gets its stored state and dots budget before the room listens
(no update encoded and written per join). \`BENCH_APP=./hub-only-server.ts\` runs only the app's hub, sessions and
persistence in a small process in the app's place (the experiment behind the decision).

Fifth pass (2026-12-06, sixth session; details in "Issue 16: status after the 2026-12-06 sixth session"): the /collab
process starts with a 16 MB young generation (V8 had kept it at 1 MB: a scavenge every ~1 MB allocated, about 35 per
300 joins); /collab paths are parsed with a regular expression instead of a zod schema; the runner collects its own
garbage before each measured window, so the previous round's clients are not collected inside the next server's.

Sixth pass (2026-12-06, seventh session; details in "Issue 16: status after the 2026-12-06 seventh session"): the
/collab process can accept /collab connections on a port of its own (\`COLLAB_PORT\`, decision 0015), with the same
Origin and session checks, so a reverse proxy's /collab route reaches it without the app's process: no HTTP parsing,
session query and IPC hand-over (and its acknowledgement) per join in the app. The app's clients connect there.
${END}`;
  const text = existsSync(FILE) ? readFileSync(FILE, "utf8") : "# Benchmarks\n";
  const i = text.indexOf(START);
  const j = text.indexOf(END);
  const next = i >= 0 && j > i ? text.slice(0, i) + section + text.slice(j + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, next);
}
