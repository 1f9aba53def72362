import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/index.js";

// The SQLite dialect hands its one connection to waiting queries in order: a burst of concurrent queries must still
// never run inside someone else's open transaction, and each must get its own answer.
describe("the SQLite dialect's connection hand-over", () => {
  it("runs concurrent queries in arrival order, each outside the others' transactions", async () => {
    const { db, close } = createDb(":memory:");
    await sql`create table t (id integer primary key, n integer)`.execute(db);
    const order: number[] = [];
    // A transaction that yields between its two inserts while other queries queue for the connection.
    const tx = db.transaction().execute(async (trx) => {
      await sql`insert into t (n) values (1)`.execute(trx);
      await new Promise((r) => setTimeout(r, 20));
      await sql`insert into t (n) values (2)`.execute(trx);
    });
    const counts = Array.from({ length: 60 }, (_, i) =>
      sql<{ c: number }>`select count(*) as c from t`.execute(db).then((r) => {
        order.push(i);
        return r.rows[0].c;
      }),
    );
    await tx;
    // Every count ran after the transaction committed: none saw it half done.
    expect(new Set(await Promise.all(counts))).toEqual(new Set([2]));
    expect(order).toEqual(Array.from({ length: 60 }, (_, i) => i));
    // A failed transaction releases the connection to the next waiter too.
    const failed = db.transaction().execute(async (trx) => {
      await sql`insert into t (n) values (3)`.execute(trx);
      throw new Error("refused");
    });
    const after = sql<{ c: number }>`select count(*) as c from t`.execute(db);
    await expect(failed).rejects.toThrow("refused");
    expect((await after).rows[0].c).toBe(2);
    await close();
  });
});
