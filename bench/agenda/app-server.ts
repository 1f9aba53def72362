// The real app (session auth, access rules, limits, SQLite persistence) with IPC for the bench runner.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { insertEvent } from "../../db/repositories/events.js";
import { insertSession } from "../../db/repositories/sessions.js";
import { hashToken, randomToken } from "../../server/auth/tokens.js";
import { loadConfig } from "../../server/config.js";
import { startApp } from "../../server/create-app.js";
import { serveStats, type ServerReady } from "./server-stats.js";

const docCount = Number(process.env.BENCH_DOCS ?? 1000);
const dataDir = mkdtempSync(path.join(tmpdir(), "frl-bench-agenda-"));
// BENCH_DATABASE_URL (an empty PostgreSQL database) runs the same bench on PostgreSQL instead of the default SQLite file.
const databaseUrl = process.env.BENCH_DATABASE_URL;
const app = await startApp(
  loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PORT: "0", COLLAB_PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "error", FRL_DEMO: "1", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
);
const { db } = app.services.db;
const start = new Date(Date.now() + 30 * 86_400_000);
const ids: number[] = [];
{
  for (let i = 0; i < docCount; i++) {
    ids.push(
      await insertEvent(
        db,
        { slug: `bench-${i}`, title: `Bench ${i}`, description: "", kind: "seminar", seriesId: null, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(), timeZone: "Europe/Warsaw", format: "online", place: null, joinUrl: null, capacity: null },
        [],
        null,
      ),
    );
  }
}
// Creating the events queued them for search indexing; let that background work finish before measuring.
const search = (app.services as { search?: { indexer: { waitUntilEmpty: (ms: number) => Promise<void> } } }).search;
await search?.indexer.waitUntilEmpty(180_000).catch(() => undefined);
const { token } = await app.services.auth.login("member@frl.test", DEMO_PASSWORD, { ip: "127.0.0.1", userAgent: "bench" });
// The editing clients are different people (each votes with their own dots), each signed in with their own session.
const people = Number(process.env.BENCH_PEOPLE ?? 50);
const cookies: string[] = [];
const userIds: number[] = [];
for (let i = 0; i < people; i++) {
  const iso = new Date().toISOString();
  const user = await db
    .insertInto("users")
    .values({ email: `bench${i}@frl.test`, name: `Osoba ${i}`, passwordHash: "x", role: "member", affiliation: "other", cityId: null, position: null, createdAt: iso, updatedAt: iso, disabledAt: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  const session = randomToken();
  await insertSession(db, { id: hashToken(session), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), userAgent: "bench" });
  cookies.push(`frl_session=${session}`);
  userIds.push(user.id);
}
// In production (NODE_ENV=production, as here) /collab runs in its own process: its CPU and heap are the app's too.
// Clients open /collab on that process's own port (COLLAB_PORT), where the reverse proxy routes them in production
// (decision 0015); the app's port would hand each connection over.
const collab = app.collab;
serveStats(collab ? async (gc) => collab.stats(gc) : undefined);
const ready: ServerReady = { port: Number(new URL(app.url).port), collabPort: collab?.port, cookie: `frl_session=${token}`, cookies, userIds, docNames: ids.map((id) => `agenda:${id}`) };
process.send?.({ ready });
process.on("disconnect", () => void app.close().then(() => process.exit(0)));
