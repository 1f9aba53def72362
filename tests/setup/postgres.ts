import { randomBytes } from "node:crypto";
import pg from "pg";

const ADMIN_URL = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

let availability: Promise<string | null> | undefined;

/**
 * Whether the PostgreSQL suites can run. With CI=true a missing server is an error (the suites are required);
 * elsewhere the suites skip and print why.
 */
export function postgresUnavailableReason(): Promise<string | null> {
  availability ??= (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("select 1");
      return null;
    } catch (error) {
      const reason = `PostgreSQL not reachable at ${ADMIN_URL}: ${(error as Error).message}`;
      if (process.env.CI === "true") throw new Error(`${reason} (required when CI=true)`);
      console.warn(`[skip] ${reason}`);
      return reason;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return availability;
}

/** Creates a fresh database for one test file and returns its URL and a drop function. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `frl_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
