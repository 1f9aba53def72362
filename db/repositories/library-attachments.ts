import type { Db } from "../index.js";
import type { LibraryAttachment } from "../schema.js";
import { nowIso } from "../time.js";

// Named columns: the return types (LibraryAttachment, from db/schema.ts) make the compiler refuse a list that misses one.
const attachmentColumns = ["id", "itemId", "fileName", "mime", "sizeBytes", "storageKey", "uploadedBy", "createdAt"] as const;

/** Records a stored attachment. */
export async function insertAttachment(db: Db, a: Omit<LibraryAttachment, "id" | "createdAt">): Promise<number> {
  const row = await db.insertInto("libraryAttachments").values({ ...a, createdAt: nowIso() }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Attachments of an item, oldest first. */
export function listAttachments(db: Db, itemId: number): Promise<LibraryAttachment[]> {
  return db.selectFrom("libraryAttachments").select(attachmentColumns).where("itemId", "=", itemId).orderBy("id").execute();
}

/** One attachment by id. */
export function findAttachment(db: Db, id: number): Promise<LibraryAttachment | undefined> {
  return db.selectFrom("libraryAttachments").select(attachmentColumns).where("id", "=", id).executeTakeFirst();
}

/** Removes an attachment row. */
export async function deleteAttachment(db: Db, id: number): Promise<void> {
  await db.deleteFrom("libraryAttachments").where("id", "=", id).execute();
}

/** Total number of attachment rows (tests check nothing was stored). */
export async function countAttachments(db: Db): Promise<number> {
  const r = await db.selectFrom("libraryAttachments").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
