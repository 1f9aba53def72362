// The SQLite side of the embedded engine: a document table (JSON, filterable values, folded tokens for re-ranking)
// and a contentless FTS5 index over folded text and stems used as a fast candidate generator.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  attrs TEXT NOT NULL,
  tok TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  title, summary, meta, body, stitle, stext,
  content='', contentless_delete=1, detail=column, prefix='2 3 4',
  tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts, col);
`;

/** Opens (creating when missing) the search database file with settings for a read-mostly index. */
export function openStore(file: string): Database.Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -32000");
  db.pragma("temp_store = MEMORY");
  db.exec(SCHEMA);
  return db;
}

/** Prepared statements used by the engine. */
export function statements(db: Database.Database) {
  return {
    ridById: db.prepare<[string], { rid: number }>("SELECT rid FROM docs WHERE id = ?"),
    insertDoc: db.prepare<[string, string, string, string]>("INSERT INTO docs (id, data, attrs, tok) VALUES (?, ?, ?, ?)"),
    updateDoc: db.prepare<[string, string, string, number]>("UPDATE docs SET data = ?, attrs = ?, tok = ? WHERE rid = ?"),
    deleteDoc: db.prepare<[number]>("DELETE FROM docs WHERE rid = ?"),
    insertFts: db.prepare<[number, string, string, string, string, string, string]>(
      "INSERT INTO fts (rowid, title, summary, meta, body, stitle, stext) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    deleteFts: db.prepare<[number]>("DELETE FROM fts WHERE rowid = ?"),
    match: db.prepare<[string], number>("SELECT rowid FROM fts WHERE fts MATCH ?").pluck(),
    allAttrs: db.prepare<[], { rid: number; attrs: string }>("SELECT rid, attrs FROM docs"),
    tokens: db.prepare<[string], { rid: number; tok: string }>(
      "SELECT rid, tok FROM docs WHERE rid IN (SELECT value FROM json_each(?))",
    ),
    data: db.prepare<[string], { rid: number; data: string }>(
      "SELECT rid, data FROM docs WHERE rid IN (SELECT value FROM json_each(?))",
    ),
    vocab: db.prepare<[], string>("SELECT DISTINCT term FROM fts_vocab WHERE col IN ('title', 'summary', 'meta', 'body')").pluck(),
  };
}
