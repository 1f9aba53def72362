// One writer of the embedded index per DATA_DIR. The running app keeps the index in memory, so a second process
// writing the same file (an import or reindex CLI) would never be seen by it and would collide with its row ids.
// The writer holds <DATA_DIR>/search-writer.lock: JSON naming its pid, host and kind, with the file's mtime as the
// heartbeat. A lock is stale when its pid is gone (same host) or the heartbeat is older than STALE_AFTER_MS.
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK_FILE = "search-writer.lock";
export const HEARTBEAT_MS = 2_000;
export const STALE_AFTER_MS = 15_000;

export type WriterKind = "app" | "cli";
export type LockInfo = { pid: number; host: string; kind: WriterKind; token: string; startedAt: string };
export type LockState = { holder: LockInfo; heartbeatAt: number; stale: boolean } | null;

export type WriterLock = {
  readonly info: LockInfo;
  /** False once another process has taken the lock over (our heartbeat stopped for too long). */
  held: () => boolean;
  release: () => void;
};

/** The lock file of a data folder. */
export function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string, now = Date.now()): LockState {
  let heartbeatAt: number;
  let text: string;
  try {
    heartbeatAt = statSync(file).mtimeMs;
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  let holder: LockInfo;
  try {
    holder = JSON.parse(text) as LockInfo;
  } catch {
    // Unreadable content: only the heartbeat can tell whether somebody holds it.
    holder = { pid: 0, host: "", kind: "cli", token: "", startedAt: "" };
  }
  const dead = holder.host === hostname() && holder.pid > 0 && !pidAlive(holder.pid);
  return { holder, heartbeatAt, stale: dead || now - heartbeatAt > STALE_AFTER_MS };
}

/** Who holds the data folder's writer lock, and whether that lock is stale; null when nobody does. */
export function inspectWriterLock(dataDir: string): LockState {
  return readLock(lockPath(dataDir));
}

/** A live (not stale) holder of the lock, or null. */
export function liveWriter(dataDir: string): LockInfo | null {
  const s = inspectWriterLock(dataDir);
  return s && !s.stale ? s.holder : null;
}

/**
 * Takes the writer lock, or returns null while another live process holds it. A stale lock is moved aside with an
 * atomic rename first, so of two processes taking over the same stale lock only one succeeds.
 */
export function tryAcquireWriterLock(dataDir: string, kind: WriterKind): WriterLock | null {
  const file = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, host: hostname(), kind, token: randomBytes(8).toString("hex"), startedAt: new Date().toISOString() };
  const tmp = `${file}.${process.pid}.${info.token}`;
  writeFileSync(tmp, JSON.stringify(info));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        // link() fails when the lock exists, and the lock appears with its content complete.
        linkSync(tmp, file);
        return holdLock(file, info);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const state = readLock(file);
      if (state && !state.stale) return null;
      const aside = `${file}.stale.${info.token}`;
      try {
        renameSync(file, aside);
      } catch {
        continue; // somebody else moved it first; look again
      }
      const moved = readLock(aside);
      // Between our look and the rename another process may have taken the lock: put a live one back.
      if (moved && !moved.stale) {
        try {
          linkSync(aside, file);
        } catch {
          /* a third process got in; the displaced holder notices through held() */
        }
        unlinkQuietly(aside);
        return null;
      }
      unlinkQuietly(aside);
    }
    return null;
  } finally {
    unlinkQuietly(tmp);
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

function holdLock(file: string, info: LockInfo): WriterLock {
  let released = false;
  const mine = () => {
    try {
      return (JSON.parse(readFileSync(file, "utf8")) as LockInfo).token === info.token;
    } catch {
      return false;
    }
  };
  const timer = setInterval(() => {
    if (!mine()) return;
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      /* removed under us: held() reports it */
    }
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    info,
    held: () => !released && mine(),
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      if (mine()) unlinkQuietly(file);
    },
  };
}

/** Waits for the lock, calling onWait once per waitNoticeMs while someone else holds it. */
export async function acquireWriterLock(dataDir: string, kind: WriterKind, opts: { pollMs?: number; onWait?: (holder: LockInfo) => void; waitNoticeMs?: number } = {}): Promise<WriterLock> {
  let noticed = 0;
  for (;;) {
    const lock = tryAcquireWriterLock(dataDir, kind);
    if (lock) return lock;
    const holder = liveWriter(dataDir);
    if (holder && opts.onWait && Date.now() - noticed >= (opts.waitNoticeMs ?? 10_000)) {
      noticed = Date.now();
      opts.onWait(holder);
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  }
}

/**
 * For command-line tools: the lock when nobody holds it (write the index yourself), or the running app holding it
 * (leave the work to it). Another command-line tool holding it is waited for, with onWait told once.
 */
export async function lockOrRunningApp(dataDir: string, opts: { pollMs?: number; onWait?: (holder: LockInfo) => void } = {}): Promise<{ lock: WriterLock; app: null } | { lock: null; app: LockInfo }> {
  let told = false;
  for (;;) {
    const lock = tryAcquireWriterLock(dataDir, "cli");
    if (lock) return { lock, app: null };
    const holder = liveWriter(dataDir);
    if (holder?.kind === "app") return { lock: null, app: holder };
    if (holder && !told) {
      told = true;
      opts.onWait?.(holder);
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  }
}
