// How `npm run search:reindex` asks the running app to rebuild its index: a request file in DATA_DIR that the app
// picks up within a second, and a status file the app rewrites with progress that the CLI follows. Files, not a table:
// the embedded index and its writer lock belong to one data folder, and so does the request.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ReindexProgress, ReindexSummary } from "./reindex.js";

const REQUEST_FILE = "search-rebuild-request.json";
const STATUS_FILE = "search-rebuild-status.json";

export type RebuildState = "queued" | "running" | "done" | "failed";
export type RebuildStatus = {
  id: string;
  state: RebuildState;
  /** Who asked: "cli" or "admin:<user id>". */
  source: string;
  progress: ReindexProgress | null;
  summary: ReindexSummary | null;
  /** Documents in the index after a finished rebuild. */
  count: number | null;
  error: string | null;
  updatedAt: string;
};

function writeAtomically(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

/** Files a rebuild request for the app holding this data folder; a request already waiting is joined. Returns its id. */
export function fileRebuildRequest(dataDir: string): string {
  const file = join(dataDir, REQUEST_FILE);
  const waiting = readJson<{ id: string }>(file);
  if (waiting?.id) return waiting.id;
  const id = randomBytes(8).toString("hex");
  writeAtomically(file, { id, requestedAt: new Date().toISOString(), pid: process.pid });
  return id;
}

/** Withdraws a request nobody picked up (the app went away); true when it was still there. */
export function withdrawRebuildRequest(dataDir: string, id: string): boolean {
  const file = join(dataDir, REQUEST_FILE);
  if (readJson<{ id: string }>(file)?.id !== id) return false;
  try {
    unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Takes a waiting request (the app's once-a-second poll): an existence check when there is none. */
export function takeRebuildRequest(dataDir: string): { id: string } | null {
  const file = join(dataDir, REQUEST_FILE);
  if (!existsSync(file)) return null;
  const taken = `${file}.taken.${process.pid}`;
  try {
    renameSync(file, taken);
  } catch {
    return null;
  }
  const request = readJson<{ id: string }>(taken);
  try {
    unlinkSync(taken);
  } catch {
    /* gone already */
  }
  return request?.id ? { id: request.id } : null;
}

/** Records the rebuild's state for the CLI that asked for it. */
export function writeRebuildStatus(dataDir: string, status: RebuildStatus): void {
  writeAtomically(join(dataDir, STATUS_FILE), status);
}

/** The latest rebuild's state, or null. */
export function readRebuildStatus(dataDir: string): RebuildStatus | null {
  return readJson<RebuildStatus>(join(dataDir, STATUS_FILE));
}
