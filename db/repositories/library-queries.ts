import type { Db } from "../index.js";
import type { LibraryItemRow, LibraryStatus } from "../schema.js";
import { listMembersOnlyNetworks, visibleItem, type LibraryViewer } from "./library-visibility.js";
import { comparePolish } from "../../domain/polish-order.js";

/** A library item with its JSON columns parsed and its areas, city and event resolved. */
export type LibraryItem = Omit<LibraryItemRow, "tags" | "authors"> & {
  tags: string[];
  authors: string[];
  areas: { id: number; slug: string; name: string }[];
  city: { slug: string; name: string } | null;
  event: { id: number; slug: string; title: string; startsAt: string } | null;
  authorName: string | null;
  /** Networks the item is members-only in (empty: public once published). */
  membersOnlyIn: number[];
};

/** A short row for lists and cards. */
export type LibraryCard = Pick<LibraryItemRow, "id" | "slug" | "kind" | "title" | "summary" | "year" | "status" | "updatedAt">;

function parseList(v: string | null): string[] {
  try {
    const a = JSON.parse(v ?? "[]");
    return Array.isArray(a) ? a.map(String) : [];
  } catch {
    return [];
  }
}

// Named columns: LibraryItem (LibraryItemRow from db/schema.ts) makes the compiler refuse a list that misses one.
const itemColumns = ["libraryItems.id", "libraryItems.kind", "libraryItems.slug", "libraryItems.externalId", "libraryItems.title", "libraryItems.summary", "libraryItems.bodySource", "libraryItems.bodyHtml", "libraryItems.bodyText", "libraryItems.tags", "libraryItems.authors", "libraryItems.cityId", "libraryItems.eventId", "libraryItems.year", "libraryItems.publishedOn", "libraryItems.externalUrl", "libraryItems.videoUrl", "libraryItems.durationMinutes", "libraryItems.problem", "libraryItems.solution", "libraryItems.results", "libraryItems.costAndFunding", "libraryItems.period", "libraryItems.contact", "libraryItems.status", "libraryItems.authorId", "libraryItems.importHash", "libraryItems.createdAt", "libraryItems.updatedAt"] as const;

function base(db: Db) {
  return db
    .selectFrom("libraryItems")
    .leftJoin("cities", "cities.id", "libraryItems.cityId")
    .leftJoin("events", "events.id", "libraryItems.eventId")
    .leftJoin("users", "users.id", "libraryItems.authorId")
    .select(itemColumns)
    .select(["cities.slug as citySlug", "cities.name as cityName", "events.slug as eventSlug", "events.title as eventTitle", "events.startsAt as eventStartsAt", "users.name as authorName"]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>["execute"]>>[number];

async function hydrate(db: Db, rows: BaseRow[]): Promise<LibraryItem[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom("libraryItemAreas")
    .innerJoin("thematicAreas", "thematicAreas.id", "libraryItemAreas.areaId")
    .select(["libraryItemAreas.itemId", "thematicAreas.id", "thematicAreas.slug", "thematicAreas.name"])
    .where("libraryItemAreas.itemId", "in", rows.map((r) => r.id))
    .orderBy("thematicAreas.position")
    .execute();
  const restricted = await listMembersOnlyNetworks(db, rows.map((r) => r.id));
  const byItem = new Map<number, { id: number; slug: string; name: string }[]>();
  for (const l of links) {
    const list = byItem.get(l.itemId) ?? [];
    list.push({ id: l.id, slug: l.slug, name: l.name });
    byItem.set(l.itemId, list);
  }
  return rows.map(({ citySlug, cityName, eventSlug, eventTitle, eventStartsAt, authorName, ...r }) => ({
    ...r,
    tags: parseList(r.tags),
    authors: parseList(r.authors),
    areas: byItem.get(r.id) ?? [],
    city: citySlug && cityName ? { slug: citySlug, name: cityName } : null,
    event: eventSlug && eventTitle && r.eventId ? { id: r.eventId, slug: eventSlug, title: eventTitle, startsAt: eventStartsAt ?? "" } : null,
    authorName: authorName ?? null,
    membersOnlyIn: restricted.get(r.id) ?? [],
  }));
}

/** One item by id, any status. */
export async function findLibraryItemById(db: Db, id: number): Promise<LibraryItem | undefined> {
  return (await hydrate(db, await base(db).where("libraryItems.id", "=", id).execute()))[0];
}

/** One item by slug, any status (callers decide who may see it). */
export async function findLibraryItemBySlug(db: Db, slug: string): Promise<LibraryItem | undefined> {
  return (await hydrate(db, await base(db).where("libraryItems.slug", "=", slug).execute()))[0];
}

/** Items by id, for the indexer. Missing ids are absent. */
export async function findLibraryItemsByIds(db: Db, ids: number[]): Promise<LibraryItem[]> {
  if (ids.length === 0) return [];
  return hydrate(db, await base(db).where("libraryItems.id", "in", ids).execute());
}

/** Published items after an id, in id order: reindex pages through the table with this. */
export async function publishedLibraryItemsAfter(db: Db, afterId: number, limit: number): Promise<LibraryItem[]> {
  return hydrate(db, await base(db).where("libraryItems.status", "=", "published").where("libraryItems.id", ">", afterId).orderBy("libraryItems.id").limit(limit).execute());
}

/** Number of published items (reindex progress total). */
export async function countPublishedLibraryItems(db: Db): Promise<number> {
  const r = await db.selectFrom("libraryItems").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "published").executeTakeFirstOrThrow();
  return Number(r.n);
}

const card = ["libraryItems.id", "libraryItems.slug", "libraryItems.kind", "libraryItems.title", "libraryItems.summary", "libraryItems.year", "libraryItems.status", "libraryItems.updatedAt"] as const;

/** Published items sharing areas or tags with the given one, best overlap first. */
export async function relatedLibraryItems(db: Db, item: LibraryItem, viewer: LibraryViewer, limit = 5): Promise<LibraryCard[]> {
  const areaIds = item.areas.map((a) => a.id);
  if (areaIds.length === 0 && item.tags.length === 0) return [];
  // Candidates share at least one area; tags (JSON text) are compared in JS, which is fine at library sizes.
  let q = db.selectFrom("libraryItems").select([...card, "libraryItems.tags"]).where("libraryItems.status", "=", "published").where("libraryItems.id", "!=", item.id);
  if (viewer !== "all") q = q.where(visibleItem(viewer));
  if (areaIds.length) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom("libraryItemAreas").select("libraryItemAreas.itemId").whereRef("libraryItemAreas.itemId", "=", "libraryItems.id").where("libraryItemAreas.areaId", "in", areaIds)),
    );
  }
  const candidates = await q.limit(500).execute();
  if (candidates.length === 0) return [];
  const links = await db.selectFrom("libraryItemAreas").select(["itemId", "areaId"]).where("itemId", "in", candidates.map((c) => c.id)).execute();
  const tags = new Set(item.tags.map((t) => t.toLowerCase()));
  const scored = candidates.map(({ tags: rawTags, ...c }) => {
    const shared = links.filter((l) => l.itemId === c.id && areaIds.includes(l.areaId)).length;
    const sharedTags = parseList(rawTags).filter((t) => tags.has(t.toLowerCase())).length;
    return { c, score: shared + 2 * sharedTags };
  });
  scored.sort((a, b) => b.score - a.score || comparePolish(a.c.title, b.c.title));
  return scored.slice(0, limit).map((s) => s.c);
}

/** Published good practices of a city the viewer may see, newest first. */
export function listCityGoodPractices(db: Db, cityId: number, viewer: LibraryViewer): Promise<LibraryCard[]> {
  let q = db.selectFrom("libraryItems").select(card).where("cityId", "=", cityId).where("kind", "=", "good_practice").where("status", "=", "published");
  if (viewer !== "all") q = q.where(visibleItem(viewer));
  return q.orderBy("year", "desc").orderBy("title").execute();
}

/** Published materials and recordings of an event the viewer may see. */
export async function listEventMaterials(db: Db, eventId: number, viewer: LibraryViewer): Promise<(LibraryCard & { videoUrl: string | null; durationMinutes: number | null })[]> {
  let q = db
    .selectFrom("libraryItems")
    .select([...card, "libraryItems.videoUrl", "libraryItems.durationMinutes"])
    .where("eventId", "=", eventId)
    .where("kind", "in", ["material", "recording"])
    .where("status", "=", "published");
  if (viewer !== "all") q = q.where(visibleItem(viewer));
  return q
    .orderBy("kind")
    .orderBy("title")
    .execute();
}

/** Items for the editors' list: staff see everything, members their own. */
export function listLibraryForEditing(db: Db, f: { authorId?: number; status?: LibraryStatus; limit?: number }): Promise<(LibraryCard & { authorName: string | null })[]> {
  let q = db.selectFrom("libraryItems").leftJoin("users", "users.id", "libraryItems.authorId").select([...card, "users.name as authorName"]);
  if (f.authorId) q = q.where("libraryItems.authorId", "=", f.authorId);
  if (f.status) q = q.where("libraryItems.status", "=", f.status);
  return q.orderBy("libraryItems.updatedAt", "desc").limit(f.limit ?? 200).execute();
}

/** Revisions of an item, newest first (without the snapshot body). */
export function listLibraryRevisions(db: Db, itemId: number) {
  return db
    .selectFrom("libraryRevisions")
    .leftJoin("users", "users.id", "libraryRevisions.savedBy")
    .select(["libraryRevisions.id", "libraryRevisions.createdAt", "users.name as savedByName"])
    .where("libraryRevisions.itemId", "=", itemId)
    .orderBy("libraryRevisions.id", "desc")
    .execute();
}

/** One revision with its snapshot. */
export function findLibraryRevision(db: Db, itemId: number, revisionId: number) {
  return db.selectFrom("libraryRevisions").select(["id", "itemId", "snapshot", "savedBy", "createdAt"]).where("itemId", "=", itemId).where("id", "=", revisionId).executeTakeFirst();
}

/** Whether the library holds any item at all, in any state (the demo library seeds an empty one only). */
export async function hasLibraryItems(db: Db): Promise<boolean> {
  return (await db.selectFrom("libraryItems").select("id").limit(1).executeTakeFirst()) !== undefined;
}
