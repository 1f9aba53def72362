import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseUrlFromEnv } from "../db/database-url.js";
import { envFields, parseEnv, requireMeiliUrl } from "./config.js";

/**
 * What the command-line tools (library:import, survey:import, search:reindex) need: the data folder, the database, the
 * search engine and the job queue's timing. Read apart from loadConfig() so a CLI neither refuses to run over a variable
 * it never uses (a bad PUBLIC_URL or SMTP_URL) nor writes the server's session secret into DATA_DIR.
 */
export type CliConfig = {
  dataDir: string;
  databaseUrl: string;
  searchEngine: "embedded" | "meilisearch";
  meiliUrl: string | undefined;
  meiliKey: string | undefined;
  jobsPollMs: number;
  jobsRetryBaseMs: number;
};

const cliSchema = envFields
  .pick({ DATA_DIR: true, DATABASE_URL: true, SEARCH_ENGINE: true, MEILI_URL: true, MEILI_KEY: true, JOBS_POLL_MS: true, JOBS_RETRY_BASE_MS: true })
  .superRefine(requireMeiliUrl);

/** Reads and validates those variables only; throws ConfigError naming each bad one. */
export function loadCliConfig(source: Record<string, string | undefined> = process.env): CliConfig {
  const env = parseEnv(cliSchema, source);
  const dataDir = path.resolve(env.DATA_DIR);
  // The SQLite file, the embedded index and the writer lock live here.
  mkdirSync(dataDir, { recursive: true });
  return {
    dataDir,
    databaseUrl: databaseUrlFromEnv({ DATABASE_URL: env.DATABASE_URL, DATA_DIR: dataDir }),
    searchEngine: env.SEARCH_ENGINE,
    meiliUrl: env.MEILI_URL,
    meiliKey: env.MEILI_KEY || undefined,
    jobsPollMs: env.JOBS_POLL_MS,
    jobsRetryBaseMs: env.JOBS_RETRY_BASE_MS,
  };
}
