// Merges Yjs updates off the main thread (compaction), so a large merge never stalls live connections.
// Plain JavaScript so it runs the same under tsx, vitest and plain node.
import { parentPort } from "node:worker_threads";
import * as Y from "yjs";

parentPort.on("message", ({ id, rows }) => {
  try {
    parentPort.postMessage({ id, merged: Y.mergeUpdates(rows) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
