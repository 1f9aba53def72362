import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMemberClient } from "../factories/users.js";
import { buildEventForm } from "../factories/events.js";
import { signedIn } from "../setup/http-client.js";
import { dialects } from "../setup/dialects.js";
import { createTestDatabase, postgresUnavailableReason } from "../setup/postgres.js";
import { startSmtpSink } from "../setup/smtp-sink.js";
import { startTestServer, type Dialect, type TestServer } from "../setup/test-server.js";

const env = (smtpUrl: string) => ({ SMTP_URL: smtpUrl, JOBS_POLL_MS: "100", JOBS_RETRY_BASE_MS: "300" });

/** A confirmed participant of the first upcoming demo event with a join link. */
async function participant(app: TestServer) {
  const moderator = await signedIn(app.url, "moderator");
  await moderator.get("/wydarzenia/nowe");
  const res = await moderator.post("/wydarzenia/nowe", buildEventForm());
  expect(res.status).toBe(302);
  const event = (await app.services.events.bySlug(res.headers.get("location")!.split("?")[0].split("/").pop()!))!;
  const member = await buildMemberClient(app);
  await member.client.get(`/wydarzenia/${event.slug}`);
  expect((await member.client.post(`/wydarzenia/${event.slug}`, { intent: "register" })).status).toBe(200);
  return { event, member };
}

describe.each(await dialects())("job queue on %s", (dialect: Dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    dataDir = mkdtempSync(path.join(tmpdir(), "frl-jobs-"));
    if (dialect === "postgres") ({ url: databaseUrl, drop } = await createTestDatabase());
  });
  afterAll(async () => {
    await smtp?.close();
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps a scheduled reminder across a restart and sends it once", async () => {
    const first = await startTestServer({ dialect, dataDir, databaseUrl, env: env(smtp.url) });
    const { event, member } = await participant(first);
    await first.services.jobs.send("event.reminder", { eventId: event.id, startsAt: event.startsAt, minutes: 60 }, { runAt: new Date(Date.now() + 2500) });
    await first.stop();
    const second = await startTestServer({ dialect, dataDir, databaseUrl, env: env(smtp.url) });
    try {
      await smtp.waitFor((r) => r.some((m) => m.to === member.email && m.parsed.subject?.startsWith("Za 1 godzinę")));
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.received.filter((m) => m.to === member.email && m.parsed.subject?.startsWith("Za ")).length).toBe(1);
    } finally {
      await second.stop();
    }
  });
});

describe.skipIf(await postgresUnavailableReason())("job queue with two instances on PostgreSQL", () => {
  it("sends one reminder, not one per instance", async () => {
    const smtp = await startSmtpSink();
    const { url, drop } = await createTestDatabase();
    const a = await startTestServer({ databaseUrl: url, env: env(smtp.url) });
    const b = await startTestServer({ databaseUrl: url, env: env(smtp.url) });
    try {
      const { event, member } = await participant(a);
      for (let i = 0; i < 1; i++) await b.services.jobs.send("event.reminder", { eventId: event.id, startsAt: event.startsAt, minutes: 60 }, { runAt: new Date(Date.now() + 1000) });
      await smtp.waitFor((r) => r.some((m) => m.to === member.email && m.parsed.subject?.startsWith("Za 1 godzinę")));
      await new Promise((r) => setTimeout(r, 2500));
      expect(smtp.received.filter((m) => m.to === member.email && m.parsed.subject?.startsWith("Za ")).length).toBe(1);
    } finally {
      await a.stop();
      await b.stop();
      await drop();
      await smtp.close();
    }
  });
});
