// A packed copy of the in-memory index (term dictionary, postings, token streams) kept in the store, so opening a
// large index reads a few blobs instead of re-indexing every document. It is a cache: documents added after it was
// written (rid above `maxRid`; rids are never reused) are indexed from their rows at open, documents deleted since
// are simply not live, and a missing or unreadable snapshot means a rebuild from the rows.
import type Database from "better-sqlite3";
import type { PostingState } from "./postings.js";
import type { StreamState } from "./token-streams.js";

const FORMAT = 1;

export type Snapshot = { maxRid: number; docs: number; postings: PostingState; streams: StreamState };

export const SNAPSHOT_SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshot (
  format INTEGER NOT NULL,
  max_rid INTEGER NOT NULL,
  docs INTEGER NOT NULL,
  terms TEXT NOT NULL,
  stem_of BLOB NOT NULL,
  offsets BLOB NOT NULL,
  postings BLOB NOT NULL,
  stream_rids BLOB NOT NULL,
  stream_offsets BLOB NOT NULL,
  streams BLOB NOT NULL
);
`;

const blob = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function int32(b: Buffer): Int32Array {
  // Copied: a Buffer from SQLite may sit at an offset that is not 4-aligned.
  const out = new Int32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

export function saveSnapshot(db: Database.Database, s: Snapshot): void {
  db.transaction(() => {
    db.prepare("DELETE FROM snapshot").run();
    db.prepare(
      `INSERT INTO snapshot (format, max_rid, docs, terms, stem_of, offsets, postings, stream_rids, stream_offsets, streams)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      FORMAT,
      s.maxRid,
      s.docs,
      s.postings.terms.join("\n"),
      blob(s.postings.stemOf),
      blob(s.postings.offsets),
      blob(s.postings.base),
      blob(s.streams.rids),
      blob(s.streams.offsets),
      blob(s.streams.data),
    );
  })();
}

type Row = {
  format: number;
  max_rid: number;
  docs: number;
  terms: string;
  stem_of: Buffer;
  offsets: Buffer;
  postings: Buffer;
  stream_rids: Buffer;
  stream_offsets: Buffer;
  streams: Buffer;
};

/** The stored snapshot, or null when there is none in this format. */
export function loadSnapshot(db: Database.Database): Snapshot | null {
  const row = db.prepare<[], Row>("SELECT * FROM snapshot").get();
  if (!row || row.format !== FORMAT) return null;
  const terms = row.terms ? row.terms.split("\n") : [];
  const postings = { terms, stemOf: int32(row.stem_of), offsets: int32(row.offsets), base: int32(row.postings) };
  if (postings.offsets.length !== terms.length + 1 || postings.stemOf.length !== terms.length) return null;
  return {
    maxRid: row.max_rid,
    docs: row.docs,
    postings,
    streams: { rids: int32(row.stream_rids), offsets: int32(row.stream_offsets), data: int32(row.streams) },
  };
}

export function dropSnapshot(db: Database.Database): void {
  db.prepare("DELETE FROM snapshot").run();
}
