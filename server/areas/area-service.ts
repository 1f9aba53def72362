import type { DbHandle } from "../../db/index.js";
import { listAreas } from "../../db/repositories/areas.js";

export type AreaService = ReturnType<typeof createAreaService>;

/** The thematic areas as pages show them (routes reach them here, never through a repository). */
export function createAreaService(deps: { db: DbHandle }) {
  const db = deps.db.db;
  return {
    /** The six areas in their fixed order, with the fields a page shows. */
    async list(): Promise<{ slug: string; name: string; description: string }[]> {
      return (await listAreas(db)).map((a) => ({ slug: a.slug, name: a.name, description: a.description }));
    },
  };
}
