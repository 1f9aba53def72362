import type { Db } from "../../db/index.js";
import { listMemberNetworkIds, type LibraryViewer } from "../../db/repositories/library-visibility.js";
import { isStaff, type Actor } from "../auth/permissions.js";

export type { LibraryViewer };

/**
 * Who is looking, for members-only network materials (issue 14): staff see everything; a person the networks they are
 * a member of now (through their verified city or as an expert, partner or coordinator); anonymous visitors nothing
 * restricted. Read from the database on every request, so a city leaving a network hides its materials at once.
 */
export async function libraryViewer(db: Db, actor: Actor): Promise<LibraryViewer> {
  if (isStaff(actor)) return "all";
  if (!actor) return [];
  return listMemberNetworkIds(db, actor.id, actor.cityId);
}

/** Whether a viewer may see an item restricted to `membersOnlyIn` (empty: not restricted). */
export function maySeeRestricted(viewer: LibraryViewer, membersOnlyIn: number[]): boolean {
  return viewer === "all" || membersOnlyIn.length === 0 || membersOnlyIn.some((id) => viewer.includes(id));
}
