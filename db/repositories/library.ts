import type { Selectable } from "kysely";
import type { Db } from "../index.js";
import type { LibraryItemsTable, LibraryStatus } from "../schema.js";
import { nowIso } from "../time.js";
import { findLibraryItemById, type LibraryItem } from "./library-queries.js";
import { enqueueSearchChange } from "./search-outbox.js";

// The columns a form or an import sets, derived from the table; tags and authors are arrays here (JSON text in SQL).
type EditableColumns = Omit<Selectable<LibraryItemsTable>, "id" | "tags" | "authors" | "authorId" | "importHash" | "createdAt" | "updatedAt">;

/** Every editable field of a library item; areas by id. */
export type LibraryItemInput = EditableColumns & {
  tags: string[];
  authors: string[];
  areaIds: number[];
  importHash?: string | null;
};

function columns(input: LibraryItemInput) {
  // Snapshots carry display-only extras (areaSlugs, savedAt); they must never reach the table.
  const { areaIds: _areas, tags, authors, importHash, areaSlugs: _slugs, savedAt: _saved, ...rest } = input as LibraryItemInput & { areaSlugs?: unknown; savedAt?: unknown };
  return { ...rest, tags: JSON.stringify(tags), authors: JSON.stringify(authors), importHash: importHash ?? null };
}

async function replaceAreas(db: Db, itemId: number, areaIds: number[]): Promise<void> {
  await db.deleteFrom("libraryItemAreas").where("itemId", "=", itemId).execute();
  const unique = [...new Set(areaIds)];
  if (unique.length) await db.insertInto("libraryItemAreas").values(unique.map((areaId) => ({ itemId, areaId }))).execute();
}

/** A snapshot of an item as stored in a revision: the input shape plus area slugs for display. */
export type RevisionSnapshot = Omit<LibraryItemInput, "importHash"> & { areaSlugs: string[]; savedAt: string };

/** Turns a loaded item back into the input shape (used for revisions and restores). */
export function itemToInput(item: LibraryItem): RevisionSnapshot {
  return {
    kind: item.kind,
    slug: item.slug,
    externalId: item.externalId,
    title: item.title,
    summary: item.summary,
    bodySource: item.bodySource,
    bodyHtml: item.bodyHtml,
    bodyText: item.bodyText,
    tags: item.tags,
    authors: item.authors,
    cityId: item.cityId,
    eventId: item.eventId,
    year: item.year,
    publishedOn: item.publishedOn,
    externalUrl: item.externalUrl,
    videoUrl: item.videoUrl,
    durationMinutes: item.durationMinutes,
    problem: item.problem,
    solution: item.solution,
    results: item.results,
    costAndFunding: item.costAndFunding,
    period: item.period,
    contact: item.contact,
    status: item.status,
    areaIds: item.areas.map((a) => a.id),
    areaSlugs: item.areas.map((a) => a.slug),
    savedAt: item.updatedAt,
  };
}

/** Creates an item with its areas and a search outbox row in one transaction; returns the id. */
export async function insertLibraryItem(db: Db, input: LibraryItemInput, authorId: number | null): Promise<number> {
  return db.transaction().execute((trx) => insertIn(trx, input, authorId));
}

async function insertIn(trx: Db, input: LibraryItemInput, authorId: number | null): Promise<number> {
  const now = nowIso();
  const row = await trx
    .insertInto("libraryItems")
    .values({ ...columns(input), authorId, createdAt: now, updatedAt: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceAreas(trx, row.id, input.areaIds);
  await enqueueSearchChange(trx, "library", row.id);
  return row.id;
}

async function updateIn(trx: Db, id: number, input: LibraryItemInput, savedBy: number | null): Promise<void> {
  const before = await findLibraryItemById(trx, id);
  if (!before) throw new Error(`library item ${id} not found`);
  await trx.insertInto("libraryRevisions").values({ itemId: id, snapshot: JSON.stringify(itemToInput(before)), savedBy, createdAt: nowIso() }).execute();
  await trx.updateTable("libraryItems").set({ ...columns(input), updatedAt: nowIso() }).where("id", "=", id).execute();
  await replaceAreas(trx, id, input.areaIds);
  await enqueueSearchChange(trx, "library", id);
}

/** Saves an item: the previous version goes to library_revisions, and the outbox row is written in the same transaction. */
export async function updateLibraryItem(db: Db, id: number, input: LibraryItemInput, savedBy: number | null): Promise<void> {
  await db.transaction().execute((trx) => updateIn(trx, id, input, savedBy));
}

/** Changes only the status (still a save: the previous version is kept). */
export async function setLibraryStatus(db: Db, id: number, status: LibraryStatus, savedBy: number | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findLibraryItemById(trx, id);
    if (!before) throw new Error(`library item ${id} not found`);
    await updateIn(trx, id, { ...itemToInput(before), status, importHash: before.importHash }, savedBy);
  });
}

/** Deletes an item and queues its removal from the index. */
export async function deleteLibraryItem(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("libraryItems").where("id", "=", id).execute();
    await enqueueSearchChange(trx, "library", id, "delete");
  });
}

/** True when another item uses the slug. */
export async function isLibrarySlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom("libraryItems").select("id").where("slug", "=", slug);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return Boolean(await q.executeTakeFirst());
}

/** A slug not used by any other item: base, base-2, base-3 … */
export async function uniqueLibrarySlug(db: Db, base: string, exceptId?: number): Promise<string> {
  let slug = base || "pozycja";
  for (let n = 2; await isLibrarySlugTaken(db, slug, exceptId); n++) slug = `${base}-${n}`;
  return slug;
}

export type ImportRow = { line: number; externalId: string; hash: string; build: (slug: string) => LibraryItemInput; baseSlug: string };
export type ImportOutcome = { line: number; externalId: string; result: "created" | "updated" | "unchanged" };

/**
 * Upserts imported items by externalId in ONE transaction (the caller batches). Unchanged items (same import hash) are
 * skipped, so re-running a file writes nothing.
 */
export async function upsertImportedItems(db: Db, rows: ImportRow[], actorId: number | null, dryRun: boolean): Promise<ImportOutcome[]> {
  const work = async (trx: Db) => {
    const out: ImportOutcome[] = [];
    for (const r of rows) {
      const existing = await trx.selectFrom("libraryItems").select(["id", "slug", "importHash"]).where("externalId", "=", r.externalId).executeTakeFirst();
      if (existing && existing.importHash === r.hash) {
        out.push({ line: r.line, externalId: r.externalId, result: "unchanged" });
        continue;
      }
      if (dryRun) {
        out.push({ line: r.line, externalId: r.externalId, result: existing ? "updated" : "created" });
        continue;
      }
      if (existing) {
        await updateIn(trx, existing.id, r.build(existing.slug), actorId);
        out.push({ line: r.line, externalId: r.externalId, result: "updated" });
      } else {
        const slug = await uniqueLibrarySlug(trx, r.baseSlug);
        await insertIn(trx, r.build(slug), actorId);
        out.push({ line: r.line, externalId: r.externalId, result: "created" });
      }
    }
    return out;
  };
  return dryRun ? work(db) : db.transaction().execute(work);
}
