import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/config.js";
import { startApp, type RunningApp } from "../../server/create-app.js";
import { createTestDatabase } from "./postgres.js";

export type Dialect = "sqlite" | "postgres";
export type TestServer = RunningApp & { dataDir: string; stop: () => Promise<void> };

/**
 * Starts the real app on port 0 with its own data folder and a fresh database (a SQLite file, or a new PostgreSQL
 * database). Demo data is on by default so tests can log in as the demo accounts.
 */
export async function startTestServer(opts: { dialect?: Dialect; env?: Record<string, string>; dataDir?: string; databaseUrl?: string } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "frl-test-"));
  let databaseUrl = opts.databaseUrl;
  let drop: (() => Promise<void>) | undefined;
  if (!databaseUrl && opts.dialect === "postgres") {
    const created = await createTestDatabase();
    databaseUrl = created.url;
    drop = created.drop;
  }
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "error",
    FRL_DEMO: "1",
    // With REDIS_URL, rate-limit counters would otherwise be shared by every test (and run) logging in from 127.0.0.1.
    // Mail and reminders go through the job queue; poll it often so a test sees a mail soon after its cause.
    JOBS_POLL_MS: "100",
    RATE_LIMIT_PREFIX: `frl:rate:test:${randomBytes(4).toString("hex")}:`,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // COLLAB_PROCESS=1 npm run test:collab-process runs the /collab suites against the /collab process.
    ...(process.env.COLLAB_PROCESS ? { COLLAB_PROCESS: process.env.COLLAB_PROCESS } : {}),
    ...opts.env,
  });
  const app = await startApp(config);
  return {
    ...app,
    dataDir,
    stop: async () => {
      await app.close();
      if (drop) await drop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
