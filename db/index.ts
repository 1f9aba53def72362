import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, CamelCasePlugin } from "kysely";
import type PgModule from "pg";
import type { Database } from "./schema.js";
import { FifoSqliteDialect, SQLITE_BUSY_MS } from "./sqlite-dialect.js";
import { cachingDatabase } from "./statement-cache.js";

export type Db = Kysely<Database>;
export type DialectName = "sqlite" | "postgres";

/** A database handle plus the dialect it speaks, so repositories can pick dialect-specific SQL. */
export type DbHandle = { db: Db; dialect: DialectName; close: () => Promise<void> };

const require = createRequire(import.meta.url);

/** Creates a Kysely instance: PostgreSQL for postgres:// URLs, otherwise a SQLite file in WAL mode. */
export function createDb(url: string): DbHandle {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Loaded only for PostgreSQL: the driver is ~3 MB of heap that a SQLite server would carry for its whole life (a
    // larger heap makes every major GC of the collaboration and page paths longer). CommonJS, so require() keeps
    // createDb synchronous.
    const pg = require("pg") as typeof PgModule;
    // Counts and sums come back as strings by default; ids and counts here fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the pool replaces it.
    pool.on("error", (error) => console.warn(`database: idle connection closed: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  const file = url.replace(/^(sqlite:|file:)/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_MS}`);
  sqlite.pragma("synchronous = NORMAL");
  // SQLite's built-in lower() folds ASCII only, so "Łódź" would never equal "łódź". PostgreSQL's lower() is
  // Unicode-aware; this override makes the same queries behave alike on both dialects.
  sqlite.function("lower", { deterministic: true }, (v: unknown) => (typeof v === "string" ? v.toLocaleLowerCase("pl") : v) as string | null);
  const db = new Kysely<Database>({ dialect: new FifoSqliteDialect({ database: cachingDatabase(sqlite) }), plugins: [new CamelCasePlugin()] });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}
