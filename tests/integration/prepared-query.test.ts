import { afterAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/index.js";
import { migrateToLatest } from "../../db/migrate.js";
import { preparedListQuery, preparedQuery } from "../../db/prepared-query.js";
import { dialects } from "../setup/dialects.js";
import { createTestDatabase } from "../setup/postgres.js";

// The prepared queries answer the session lookup and the agenda access check on every request and connection: they
// must give exactly what the query built each time gives, on both databases, for any values.
describe.each(await dialects())("prepared queries (%s)", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function database(): Promise<DbHandle> {
    if (dialect === "sqlite") {
      const handle = createDb(":memory:");
      cleanups.push(() => handle.close());
      return handle;
    }
    const created = await createTestDatabase();
    const handle = createDb(created.url);
    cleanups.push(created.drop, () => handle.close());
    return handle;
  }

  it("answers like the query built anew, for every value, with camel-cased fields", async () => {
    const handle = await database();
    await migrateToLatest(handle.db);
    const { db } = handle;
    for (const [slug, name] of [
      ["kalisz", "Kalisz"],
      ["lodz", "Łódź"],
      ["zdunska-wola", "Zduńska Wola"],
    ])
      await db.insertInto("cities").values({ slug, name, voivodeship: "łódzkie", county: "", teryt: null, countyTeryt: null, lat: null, lng: null, geonamesId: null, population: 1000, sizeClass: "small", confirmed: 1, nameKey: slug }).execute();
    const byPrefix = preparedQuery((d: typeof db, prefix: string, limit: number) =>
      d.selectFrom("cities").select(["slug", "name", "sizeClass"]).where("slug", "like", prefix).where("confirmed", "=", 1).orderBy("slug").limit(limit),
    );
    const built = (prefix: string, limit: number) =>
      db.selectFrom("cities").select(["slug", "name", "sizeClass"]).where("slug", "like", prefix).where("confirmed", "=", 1).orderBy("slug").limit(limit).execute();
    for (const [prefix, limit] of [
      ["%", 10],
      ["k%", 10],
      ["%o%", 1],
      ["nie-ma%", 5],
    ] as const) {
      expect(await byPrefix(db, prefix, limit)).toEqual(await built(prefix, limit));
    }
    expect((await byPrefix(db, "lodz", 1))[0]).toEqual({ slug: "lodz", name: "Łódź", sizeClass: "small" });
  });

  it("refuses an argument that does not become one bound value (an in-list), instead of running a wrong query", async () => {
    const handle = await database();
    await migrateToLatest(handle.db);
    const byIds = preparedQuery((d: typeof handle.db, ids: number[]) => d.selectFrom("cities").select("slug").where("id", "in", ids));
    await expect(byIds(handle.db, [1, 2])).rejects.toThrow(/cannot be a bound value/);
  });

  it("answers a list query like the query built anew, for lists of every length, past its cache bound too", async () => {
    const handle = await database();
    await migrateToLatest(handle.db);
    const { db } = handle;
    for (let i = 0; i < 6; i++)
      await db.insertInto("cities").values({ slug: `miasto-${i}`, name: `Miasto ${i}`, voivodeship: "łódzkie", county: "", teryt: null, countyTeryt: null, lat: null, lng: null, geonamesId: null, population: 1000 + i, sizeClass: "small", confirmed: 1, nameKey: `miasto-${i}` }).execute();
    const ids = (await db.selectFrom("cities").select("id").orderBy("id").execute()).map((r) => r.id);
    const bySlugs = preparedListQuery((d: typeof db, slugs: string[]) => d.selectFrom("cities").select(["id", "slug"]).where("slug", "in", slugs).orderBy("id"), 3);
    const built = (slugs: string[]) => db.selectFrom("cities").select(["id", "slug"]).where("slug", "in", slugs).orderBy("id").execute();
    for (const slugs of [["miasto-1"], ["miasto-2", "miasto-0"], ["miasto-5", "miasto-3"], ["miasto-4", "nie-ma", "miasto-1"], ["miasto-0", "miasto-1", "miasto-2", "miasto-3", "miasto-4"], ["miasto-1"]]) {
      expect(await bySlugs(db, slugs)).toEqual(await built(slugs));
    }
    expect((await bySlugs(db, ["miasto-5", "miasto-3"])).map((r) => r.id)).toEqual([ids[3], ids[5]]);
  });
});
