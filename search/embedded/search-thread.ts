// One search thread of the threaded engine: an EmbeddedSearchEngine on the shared SQLite file, the primary (which
// writes) or a read-only replica. Requests arrive as { id, op, args } and are answered as { id, value } or
// { id, error: { name, message } } so named errors (SearchQueryError → HTTP 400) survive the trip.
import { parentPort, workerData } from "node:worker_threads";
import type { SearchDocument, SearchQuery, SearchSettings } from "../types.js";
import { EmbeddedSearchEngine } from "./engine.js";

export type ThreadRequest = { id: number; op: keyof typeof handlers; args: unknown[] };
export type ThreadReply = { id: number; value?: unknown; error?: { name: string; message: string } };

const { file, primary } = workerData as { file: string; primary: boolean };
const engine = new EmbeddedSearchEngine(file, { readOnly: !primary });

const handlers = {
  init: (settings: SearchSettings) => engine.init(settings),
  upsert: (docs: SearchDocument[]) => engine.upsert(docs),
  remove: (ids: string[]) => engine.remove(ids),
  clear: () => engine.clear(),
  refresh: (ids: string[]) => engine.refresh(ids),
  reload: () => engine.reload(),
  count: () => engine.count(),
  healthy: () => engine.healthy(),
  close: () => engine.close(),
  search: (query: SearchQuery) => engine.searchDetached(query),
};

parentPort!.on("message", async ({ id, op, args }: ThreadRequest) => {
  try {
    const handler = handlers[op] as (...a: unknown[]) => unknown;
    parentPort!.postMessage({ id, value: await handler(...args) } satisfies ThreadReply);
  } catch (e) {
    // Classes that do not set their name (SearchQueryError) are known by their constructor.
    const name = e instanceof Error ? (e.name !== "Error" ? e.name : e.constructor.name) : "Error";
    const error = { name, message: e instanceof Error ? e.message : String(e) };
    parentPort!.postMessage({ id, error } satisfies ThreadReply);
  }
});
