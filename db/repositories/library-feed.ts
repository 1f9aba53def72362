import type { Db } from "../index.js";
import type { LibraryItemRow } from "../schema.js";
import { visibleItem } from "./library-visibility.js";

export type LibraryFeedEntry = Pick<LibraryItemRow, "id" | "slug" | "kind" | "title" | "summary" | "createdAt" | "updatedAt">;

/**
 * The newest published library items, newest first (issue 15: Atom feed and digest). Optionally only those in one
 * thematic area (by slug) or in any of a set of areas (by id), and only those published after `since`. Members-only
 * network materials only for members of those networks (`viewer`: their network ids; the public feed passes none).
 */
export function listRecentPublishedLibrary(db: Db, f: { areaSlug?: string; areaIds?: number[]; since?: string; limit: number; viewer?: number[] }): Promise<LibraryFeedEntry[]> {
  let q = db
    .selectFrom("libraryItems")
    .select(["libraryItems.id", "libraryItems.slug", "libraryItems.kind", "libraryItems.title", "libraryItems.summary", "libraryItems.createdAt", "libraryItems.updatedAt"])
    .where("libraryItems.status", "=", "published")
    .where(visibleItem(f.viewer ?? []));
  if (f.since) q = q.where("libraryItems.createdAt", ">", f.since);
  if (f.areaSlug) {
    const slug = f.areaSlug;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("libraryItemAreas")
          .innerJoin("thematicAreas", "thematicAreas.id", "libraryItemAreas.areaId")
          .select("libraryItemAreas.itemId")
          .whereRef("libraryItemAreas.itemId", "=", "libraryItems.id")
          .where("thematicAreas.slug", "=", slug),
      ),
    );
  }
  if (f.areaIds) {
    const ids = f.areaIds;
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where((eb) => eb.exists(eb.selectFrom("libraryItemAreas").select("libraryItemAreas.itemId").whereRef("libraryItemAreas.itemId", "=", "libraryItems.id").where("libraryItemAreas.areaId", "in", ids)));
  }
  return q.orderBy("libraryItems.createdAt", "desc").orderBy("libraryItems.id", "desc").limit(f.limit).execute();
}
