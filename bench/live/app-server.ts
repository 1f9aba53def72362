// Bench child: the real app (startApp) on port 0 with a fresh SQLite database, an open webinar and sender accounts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { insertEvent } from "../../db/repositories/events.js";
import { insertSession } from "../../db/repositories/sessions.js";
import { randomToken, hashToken } from "../../server/auth/tokens.js";
import { loadConfig } from "../../server/config.js";
import { startApp } from "../../server/create-app.js";
import { serveBenchControl } from "./child-control.js";
import { installSendPathTiming } from "./send-path-timing.js";

installSendPathTiming();

const senders = Number(process.env.BENCH_SENDERS ?? 50);
const dataDir = mkdtempSync(path.join(tmpdir(), "frl-bench-live-"));
const config = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", FRL_DEMO: "0" });
const app = await startApp(config);
const db = app.services.db.db;
const now = Date.now();
const eventId = await insertEvent(
  db,
  {
    slug: "bench-live",
    title: "Bench",
    description: "bench",
    kind: "webinar",
    seriesId: null,
    startsAt: new Date(now - 600_000).toISOString(),
    endsAt: new Date(now + 3 * 3600_000).toISOString(),
    timeZone: "Europe/Warsaw",
    format: "online",
    place: null,
    joinUrl: null,
    capacity: null,
  },
  [],
  null,
);
const state = await app.services.live.state(eventId);
const tokens: string[] = [];
for (let i = 0; i < senders; i++) {
  const iso = new Date().toISOString();
  const user = await db
    .insertInto("users")
    .values({ email: `bench${i}@frl.test`, name: `Bench ${i}`, passwordHash: "x", role: "member", affiliation: "other", cityId: null, position: null, createdAt: iso, updatedAt: iso, disabledAt: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = randomToken();
  await insertSession(db, { id: hashToken(token), userId: user.id, expiresAt: new Date(now + 86_400_000).toISOString(), userAgent: "bench" });
  tokens.push(token);
}
serveBenchControl({ url: app.url, eventId, threadId: state.threads[0].id, cookies: tokens.map((t) => `frl_session=${t}`) }, async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});
