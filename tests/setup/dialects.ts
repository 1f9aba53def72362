import { postgresUnavailableReason } from "./postgres.js";
import type { Dialect } from "./test-server.js";

/**
 * The dialects a database-backed suite runs on: SQLite always, PostgreSQL when reachable (required with CI=true).
 * Use with describe.each(await dialects()).
 */
export async function dialects(): Promise<Dialect[]> {
  return (await postgresUnavailableReason()) ? ["sqlite"] : ["sqlite", "postgres"];
}
