import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachingDatabase } from "../../db/statement-cache.js";

describe("the SQLite statement cache kysely runs on", () => {
  it("answers a repeated query with the same prepared statement, and new parameters give new rows", () => {
    const sqlite = new SQLite(":memory:");
    sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('Kalisz'), ('Łódź')");
    const db = cachingDatabase(sqlite);
    const first = db.prepare("select name from t where id = ?");
    expect(first.get(1)).toEqual({ name: "Kalisz" });
    const again = db.prepare("select name from t where id = ?");
    expect(again).toBe(first);
    expect(again.get(2)).toEqual({ name: "Łódź" });
    db.close();
  });

  it("does not hand out a statement that is still iterating, so a nested read gets its own", () => {
    const sqlite = new SQLite(":memory:");
    sqlite.exec("create table t (id integer primary key); insert into t (id) values (1), (2), (3)");
    const db = cachingDatabase(sqlite);
    const sql = "select id from t order by id";
    const outer = db.prepare(sql);
    const seen: number[][] = [];
    for (const row of outer.iterate() as Iterable<{ id: number }>) {
      const inner = db.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push([row.id, (inner.all() as { id: number }[]).length]);
    }
    expect(seen).toEqual([[1, 3], [2, 3], [3, 3]]);
    db.close();
  });

  it("keeps at most its limit of statements, dropping the least recently used", () => {
    const sqlite = new SQLite(":memory:");
    const db = cachingDatabase(sqlite, 2);
    const a = db.prepare("select 1");
    db.prepare("select 2");
    expect(db.prepare("select 1")).toBe(a); // used again: now the most recent
    db.prepare("select 3"); // pushes out "select 2"
    expect(db.prepare("select 1")).toBe(a);
    const b = db.prepare("select 2");
    expect(db.prepare("select 2")).toBe(b);
    db.close();
  });

  it("still works after the table it reads is altered (SQLite prepares the statement again)", () => {
    const sqlite = new SQLite(":memory:");
    sqlite.exec("create table t (id integer primary key); insert into t (id) values (1)");
    const db = cachingDatabase(sqlite);
    expect(db.prepare("select * from t").all()).toEqual([{ id: 1 }]);
    sqlite.exec("alter table t add column name text default 'Kalisz'");
    expect(db.prepare("select * from t").all()).toEqual([{ id: 1, name: "Kalisz" }]);
    db.close();
  });
});
