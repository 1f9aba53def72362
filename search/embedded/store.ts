// The SQLite side of the embedded engine: a document table (JSON, filterable values, folded tokens for re-ranking)
// and two contentless FTS5 indexes used only as fast candidate generators: `fts` over every searchable attribute
// and `fts_title` over titles. Both hold each distinct folded word once plus its stem marked with a leading "_",
// with detail=none (no positions or columns: proximity and attribute ranking happen in JS on the stored tokens).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

const SCHEMA_VERSION = 2;
const TOKENIZE = `tokenize="unicode61 remove_diacritics 0 tokenchars '_'"`;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  attrs TEXT NOT NULL,
  tok TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(text, content='', contentless_delete=1, detail=none, prefix='2 3 4', ${TOKENIZE});
CREATE VIRTUAL TABLE IF NOT EXISTS fts_title USING fts5(text, content='', contentless_delete=1, detail=none, prefix='2 3 4', ${TOKENIZE});
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts, row);
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
    db.exec("DROP TABLE IF EXISTS fts_vocab; DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS fts_title; DROP TABLE IF EXISTS docs;");
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
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
    insertFts: db.prepare<[number, string]>("INSERT INTO fts (rowid, text) VALUES (?, ?)"),
    insertTitle: db.prepare<[number, string]>("INSERT INTO fts_title (rowid, text) VALUES (?, ?)"),
    deleteFts: db.prepare<[number]>("DELETE FROM fts WHERE rowid = ?"),
    deleteTitle: db.prepare<[number]>("DELETE FROM fts_title WHERE rowid = ?"),
    // One string of ids per query: far cheaper than one JS row per match on large result sets.
    match: db.prepare<[string], string | null>("SELECT group_concat(rowid) FROM fts WHERE fts MATCH ?").pluck(),
    matchTitle: db.prepare<[string], string | null>("SELECT group_concat(rowid) FROM fts_title WHERE fts_title MATCH ?").pluck(),
    allAttrs: db.prepare<[], { rid: number; attrs: string }>("SELECT rid, attrs FROM docs"),
    tokens: db.prepare<[string], { rid: number; tok: string }>(
      "SELECT rid, tok FROM docs WHERE rid IN (SELECT value FROM json_each(?))",
    ),
    data: db.prepare<[string], { rid: number; data: string }>(
      "SELECT rid, data FROM docs WHERE rid IN (SELECT value FROM json_each(?))",
    ),
    vocab: db.prepare<[], string>("SELECT term FROM fts_vocab WHERE term NOT LIKE '\\_%' ESCAPE '\\'").pluck(),
  };
}

/** Parses the comma-separated ids of a group_concat(rowid) into an Int32Array. */
export function parseIds(list: string | null | undefined): Int32Array {
  if (!list) return new Int32Array(0);
  let n = 1;
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 44) n++;
  const out = new Int32Array(n);
  let k = 0;
  let v = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      out[k++] = v;
      v = 0;
    } else v = v * 10 + c - 48;
  }
  out[k] = v;
  return out;
}
