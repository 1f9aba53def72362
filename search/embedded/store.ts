// The SQLite side of the embedded engine: one table of documents (JSON as returned in hits but for the body, kept
// apart because hits rarely need it and it is most of the bytes; filterable values,
// folded tokens for re-ranking, distinct words with their attributes). It is the persistent index: the postings and
// the attribute table in memory are rebuilt from it when the engine opens (from the snapshot, see snapshot.ts, and
// the rows written after it).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { SNAPSHOT_SCHEMA } from "./snapshot.js";

const SCHEMA_VERSION = 4;

// AUTOINCREMENT: an updated document gets a new rid, and a rid is never reused, so postings of a replaced version
// can wait for compaction without ever pointing at another document.
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  rid INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  body TEXT NOT NULL,
  attrs TEXT NOT NULL,
  tok TEXT NOT NULL,
  terms TEXT NOT NULL
);
`;

/** Opens (creating when missing) the search database file; an index of an older layout is dropped (reindex refills it). */
export function openStore(file: string): Database.Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -32000");
  db.pragma("temp_store = MEMORY");
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version !== SCHEMA_VERSION) {
    // Layout 2 and earlier kept FTS5 tables next to the documents.
    db.exec(
      "DROP TABLE IF EXISTS fts_vocab; DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS fts_title; DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS snapshot;",
    );
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  db.exec(SCHEMA + SNAPSHOT_SCHEMA);
  return db;
}

/** Prepared statements used by the engine. */
export function statements(db: Database.Database) {
  return {
    insertDoc: db.prepare<[string, string, string, string, string, string]>(
      "INSERT INTO docs (id, data, body, attrs, tok, terms) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    deleteDoc: db.prepare<[number]>("DELETE FROM docs WHERE rid = ?"),
    deleteAll: db.prepare("DELETE FROM docs"),
    allAttrs: db.prepare<[], { rid: number; attrs: string; data: string }>("SELECT rid, attrs, data FROM docs ORDER BY rid"),
    rowsAfter: db.prepare<[number], { rid: number; tok: string; terms: string }>(
      "SELECT rid, tok, terms FROM docs WHERE rid > ? ORDER BY rid",
    ),
    rowById: db.prepare<[string], { rid: number; attrs: string; data: string; tok: string; terms: string }>(
      "SELECT rid, attrs, data, tok, terms FROM docs WHERE id = ?",
    ),
    maxRid: db.prepare<[], number | null>("SELECT max(rid) FROM docs").pluck(),
    body: db.prepare<[number], string | undefined>("SELECT body FROM docs WHERE rid = ?").pluck(),
  };
}
