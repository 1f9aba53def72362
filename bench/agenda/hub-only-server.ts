// Diagnostic: the app's /collab path (sessions, access, the hub with its SQLite persistence) alone in a small process,
// without Remix, search, socket.io or the job queue: what a process serving only /collab would cost.
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { createDb } from "../../db/index.js";
import { migrateToLatest } from "../../db/migrate.js";
import { insertEvent } from "../../db/repositories/events.js";
import { findSessionUser, insertSession } from "../../db/repositories/sessions.js";
import { hashToken, randomToken } from "../../server/auth/tokens.js";
import { createLogger } from "../../server/logger.js";
import { startAgenda } from "../../server/agenda/index.js";
import { UpgradeDispatcher } from "../../server/upgrade.js";
import { serveStats, type ServerReady } from "./server-stats.js";

const docCount = Number(process.env.BENCH_DOCS ?? 1000);
const dataDir = mkdtempSync(path.join(tmpdir(), "frl-bench-hub-"));
const db = createDb(`sqlite:${path.join(dataDir, "frl.db")}`);
await migrateToLatest(db.db);
const logger = createLogger("error");
const start = new Date(Date.now() + 30 * 86_400_000);
const ids: number[] = [];
for (let i = 0; i < docCount; i++) {
  ids.push(await insertEvent(db.db, { slug: `bench-${i}`, title: `Bench ${i}`, description: "", kind: "seminar", seriesId: null, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(), timeZone: "Europe/Warsaw", format: "online", place: null, joinUrl: null, capacity: null }, [], null));
}
const people = Number(process.env.BENCH_PEOPLE ?? 50);
const cookies: string[] = [];
const userIds: number[] = [];
for (let i = 0; i <= people; i++) {
  const iso = new Date().toISOString();
  const user = await db.db
    .insertInto("users")
    .values({ email: `bench${i}@frl.test`, name: `Osoba ${i}`, passwordHash: "x", role: "member", affiliation: "other", cityId: null, position: null, createdAt: iso, updatedAt: iso, disabledAt: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  const session = randomToken();
  await insertSession(db.db, { id: hashToken(session), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), userAgent: "bench" });
  cookies.push(`frl_session=${session}`);
  userIds.push(user.id);
}
const own = cookies.pop()!;
userIds.pop();
const upgrade = new UpgradeDispatcher({
  resolveSession: async (token) => (token ? ((await findSessionUser(db.db, hashToken(token))) ?? null) : null),
  publicUrl: undefined,
  trustProxy: false,
  logger,
});
await startAgenda({ db, logger, upgrade, redisUrl: undefined, sessionUser: async (id) => (await findSessionUser(db.db, id)) ?? null });
const server = createServer((_req, res) => res.writeHead(404).end());
upgrade.attach(server);
server.listen(0, "127.0.0.1", () => {
  serveStats();
  const ready: ServerReady = { port: (server.address() as AddressInfo).port, cookie: own, cookies, userIds, docNames: ids.map((id) => `agenda:${id}`) };
  process.send?.({ ready });
});
process.on("disconnect", () => process.exit(0));
