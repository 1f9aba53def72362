import { randomBytes } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { findUserByEmail } from "../../db/repositories/users.js";
import { createTestDatabase, postgresUnavailableReason } from "../setup/postgres.js";
import { redisUnavailableReason, TEST_REDIS_URL } from "../setup/redis.js";
import { startSmtpSink } from "../setup/smtp-sink.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { cookieFor } from "./live-support.js";

const skip = (await postgresUnavailableReason()) ?? (await redisUnavailableReason());

/** The header's unread count on /powiadomienia, as the browser's socket sees it. */
async function unreadSocket(app: TestServer, cookie: string): Promise<{ socket: Socket; counts: number[] }> {
  const counts: number[] = [];
  const socket = io(`${app.url}/powiadomienia`, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true, reconnection: false });
  socket.on("unread", (n: number) => counts.push(n));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  await expect.poll(() => counts.length).toBeGreaterThan(0);
  return { socket, counts };
}

/**
 * Issue 15 with two instances on one PostgreSQL database, joined by Redis (each with its own DATA_DIR): a notice made
 * on A reaches a page connected to B live, and the digest job run on both sends one digest.
 */
describe.skipIf(skip)("notifications with two instances on PostgreSQL and Redis", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it("raises the unread count live on B for a notification created through A, and sends one digest for the period", async () => {
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const { url, drop } = await createTestDatabase();
    cleanups.push(drop);
    const env = { REDIS_URL: TEST_REDIS_URL, LIVE_REDIS_STREAM: `frl:live:test:${randomBytes(4).toString("hex")}`, SMTP_URL: smtp.url, JOBS_POLL_MS: "100" };
    const a = await startTestServer({ databaseUrl: url, env });
    const b = await startTestServer({ databaseUrl: url, env });
    cleanups.push(() => a.stop(), () => b.stop());
    expect(a.dataDir).not.toBe(b.dataDir);

    const member = (await findUserByEmail(a.services.db.db, "member@frl.test"))!;
    const { socket, counts } = await unreadSocket(b, await cookieFor(b, "member"));
    cleanups.push(async () => void socket.disconnect());
    const before = counts[counts.length - 1];

    await a.services.notifications.notify([member.id], "programme_published", { title: "Program opublikowany: test dwóch instancji", body: "Test", path: "/wydarzenia" });
    await expect.poll(() => counts[counts.length - 1], { timeout: 10_000 }).toBe(before + 1);
    expect(await b.services.notifications.unreadCount(member.id)).toBe(before + 1);

    // Read on A: the count on B drops as well.
    await a.services.notifications.markRead(member.id, "all");
    await expect.poll(() => counts[counts.length - 1], { timeout: 10_000 }).toBe(0);

    // Both instances run the digest job (as their schedules would): one mail for the period.
    await a.services.db.db.insertInto("notificationSettings").values({ userId: member.id, digest: "daily", digestSentAt: null }).execute();
    await a.services.db.db.insertInto("notificationFollows").values({ userId: member.id, targetType: "area", targetId: (await a.services.db.db.selectFrom("thematicAreas").select("id").where("slug", "=", "finanse").executeTakeFirstOrThrow()).id }).execute();
    await Promise.all([a.services.jobs.send("notifications.digest", {}), b.services.jobs.send("notifications.digest", {}), a.services.notifications.runDigests(), b.services.notifications.runDigests()]);
    await smtp.waitFor((r) => r.some((m) => m.to === "member@frl.test" && /^Nowości/.test(m.parsed.subject ?? "")));
    await new Promise((r) => setTimeout(r, 2000));
    expect(smtp.received.filter((m) => m.to === "member@frl.test" && /^Nowości/.test(m.parsed.subject ?? ""))).toHaveLength(1);
  });
});
