import type SQLite from "better-sqlite3";

/**
 * The SQLite side of kysely's SqliteDialect, with prepared statements kept by their SQL text.
 *
 * kysely's SQLite driver calls `prepare` for every query it runs; compiling the same SQL again each time was 2–3 % of
 * a page's CPU (bench:pages profile, issue 16). A statement can be run again with new parameters, so statements are
 * kept in a small least-recently-used map: queries are built from a fixed set of shapes, and the bound keeps
 * one-off texts (an `IN (?, ?, …)` of a new length) from growing it. SQLite re-prepares a kept statement by itself
 * after a schema change (sqlite3_prepare_v2), so migrations need no special case. A statement in the middle of
 * `iterate()` is busy and cannot be shared, so a fresh one is prepared for that moment.
 */
export function cachingDatabase(sqlite: SQLite.Database, limit = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string): SQLite.Statement => {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Re-inserting moves the entry to the end of the map's order, so the oldest entry is always first.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      if (!kept) {
        statements.set(sql, statement);
        if (statements.size > limit) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}
