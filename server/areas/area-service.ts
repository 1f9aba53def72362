import type { DbHandle } from "../../db/index.js";
import { listAreas } from "../../db/repositories/areas.js";

export type AreaService = ReturnType<typeof createAreaService>;

/** The thematic areas as pages show them (routes reach them here, never through a repository). */
export function createAreaService(deps: { db: DbHandle }) {
  const db = deps.db.db;
  // The areas are reference data (domain/thematic-areas.ts), written only by the seed before the server starts
  // serving, yet home, library and event pages read them on every request: read once per process. A failed read is
  // not kept.
  let areas: Promise<{ slug: string; name: string; description: string }[]> | null = null;
  return {
    /** The six areas in their fixed order, with the fields a page shows. */
    list(): Promise<{ slug: string; name: string; description: string }[]> {
      areas ??= listAreas(db).then((rows) => rows.map((a) => ({ slug: a.slug, name: a.name, description: a.description })));
      areas.catch(() => (areas = null));
      return areas;
    },
  };
}
