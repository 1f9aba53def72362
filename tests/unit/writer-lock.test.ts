import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { inspectWriterLock, liveWriter, lockPath, tryAcquireWriterLock } from "../../server/search/writer-lock.js";

describe("search index writer lock", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lets one writer in at a time, and the next one in once it is released", () => {
    dir = mkdtempSync(path.join(tmpdir(), "frl-lock-"));
    const app = tryAcquireWriterLock(dir, "app");
    expect(app).not.toBeNull();
    expect(tryAcquireWriterLock(dir, "cli")).toBeNull();
    expect(liveWriter(dir)).toMatchObject({ pid: process.pid, kind: "app" });
    app!.release();
    expect(inspectWriterLock(dir)).toBeNull();
    const cli = tryAcquireWriterLock(dir, "cli");
    expect(cli?.held()).toBe(true);
    cli!.release();
  });

  it("is taken over once its heartbeat is old, and the displaced holder learns it lost the lock", () => {
    dir = mkdtempSync(path.join(tmpdir(), "frl-lock-"));
    const hung = tryAcquireWriterLock(dir, "app")!;
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dir), old, old);
    expect(inspectWriterLock(dir)?.stale).toBe(true);
    const next = tryAcquireWriterLock(dir, "cli");
    expect(next).not.toBeNull();
    expect(hung.held()).toBe(false);
    hung.release(); // must not remove the new holder's lock
    expect(liveWriter(dir)?.kind).toBe("cli");
    next!.release();
  });
});
