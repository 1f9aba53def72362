import type { Db } from "../index.js";
import type { ThematicArea } from "../schema.js";

// Named columns: the return types (Selectable rows of db/schema.ts) make the compiler refuse a list that misses one.
const areaColumns = ["id", "slug", "name", "description", "position"] as const;

/** The six thematic areas in their fixed order. */
export function listAreas(db: Db): Promise<ThematicArea[]> {
  return db.selectFrom("thematicAreas").select(areaColumns).orderBy("position").execute();
}

/** Areas whose slugs are given; unknown slugs are simply absent from the result. */
export function findAreasBySlugs(db: Db, slugs: string[]): Promise<ThematicArea[]> {
  if (slugs.length === 0) return Promise.resolve([]);
  return db.selectFrom("thematicAreas").select(areaColumns).where("slug", "in", slugs).orderBy("position").execute();
}

/** Inserts or updates areas by slug (used by the seed). */
export async function upsertAreas(db: Db, areas: Omit<ThematicArea, "id">[]): Promise<void> {
  for (const a of areas) {
    await db
      .insertInto("thematicAreas")
      .values(a)
      .onConflict((oc) => oc.column("slug").doUpdateSet({ name: a.name, description: a.description, position: a.position }))
      .execute();
  }
}

/** Slug and name of every area in their fixed order (choices, and names for rendered programmes). */
export function listAreaNames(db: Db): Promise<Pick<ThematicArea, "slug" | "name">[]> {
  return db.selectFrom("thematicAreas").select(["slug", "name"]).orderBy("position").execute();
}

/** Area ids by slug, for seeds and imports that name areas by slug. */
export async function areaIdsBySlug(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom("thematicAreas").select(["id", "slug"]).execute();
  return new Map(rows.map((a) => [a.slug, a.id]));
}
