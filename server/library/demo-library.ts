import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DbHandle } from "../../db/index.js";
import { hasLibraryItems } from "../../db/repositories/library-queries.js";
import { findUserIdByEmail } from "../../db/repositories/users.js";
import type { Logger } from "../logger.js";
import { formatImportReport, importLibraryJsonl } from "./library-import.js";

const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/seed-data/library.jsonl");

/**
 * Loads the demo library through the normal import on first start only (an empty library), so later edits made in
 * the app are never overwritten by the seed.
 */
export async function seedDemoLibrary(handle: DbHandle, logger: Logger, file = SEED): Promise<void> {
  if (await hasLibraryItems(handle.db)) return;
  const adminId = await findUserIdByEmail(handle.db, "admin@frl.test");
  const report = await importLibraryJsonl(handle, await readFile(file, "utf8"), { actorId: adminId });
  if (report.rejected.length) logger.warn(`demo library: ${formatImportReport(report)}`);
  else logger.info(`demo library: ${report.created} items added`);
}
