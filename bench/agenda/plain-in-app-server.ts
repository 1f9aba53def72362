// Diagnostic: the plain @y/websocket-server path hosted inside a started app process (its modules, heap, threads and
// timers loaded, the app's own /collab unused), to tell the app's code from the cost of the process it runs in.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { insertEvent } from "../../db/repositories/events.js";
import { loadConfig } from "../../server/config.js";
import { startApp } from "../../server/create-app.js";
import { servePlain } from "./plain-ws.js";

const docCount = Number(process.env.BENCH_DOCS ?? 1000);
const app = await startApp(
  loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PORT: "0", HOST: "127.0.0.1", DATA_DIR: mkdtempSync(path.join(tmpdir(), "frl-bench-pia-")), LOG_LEVEL: "error", FRL_DEMO: "1" }),
);
const start = new Date(Date.now() + 30 * 86_400_000);
for (let i = 0; i < docCount; i++) {
  await insertEvent(app.services.db.db, { slug: `bench-${i}`, title: `Bench ${i}`, description: "", kind: "seminar", seriesId: null, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(), timeZone: "Europe/Warsaw", format: "online", place: null, joinUrl: null, capacity: null }, [], null);
}
const search = (app.services as { search?: { indexer: { waitUntilEmpty: (ms: number) => Promise<void> } } }).search;
await search?.indexer.waitUntilEmpty(180_000).catch(() => undefined);
servePlain(docCount);
