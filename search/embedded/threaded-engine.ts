// The embedded engine served by worker threads, so searches use every core instead of queueing on the one thread
// that also serves HTTP. Thread 0 is the primary: it writes the store and searches. The others are read-only
// replicas over the same SQLite file (WAL lets them read while the primary writes); after each write the primary's
// changed ids are re-read by every replica before the write resolves, so a search after an upsert sees it whichever
// thread answers. Each thread holds its own in-memory index (memory grows with the number of threads). Searches go
// to the thread with the fewest requests in flight; a thread that dies is replaced and the others answer meanwhile.
// Hit bodies (rarely needed, most of the bytes) are read lazily from the store on this side.
import Database from "better-sqlite3";
import { Worker } from "node:worker_threads";
import { SearchQueryError, type SearchDocument, type SearchEngine, type SearchQuery, type SearchResult, type SearchSettings } from "../types.js";
import type { DetachedResult } from "./engine.js";
import { withLazyBody } from "./lazy-body.js";
import { highlights } from "./rank.js";
import type { ThreadReply, ThreadRequest } from "./search-thread.js";

/** Pause before a thread that died is replaced. */
const RESTART_DELAY_MS = 500;

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

class SearchThread {
  private worker: Worker;
  private next = 0;
  private pending = new Map<number, Pending>();
  private failure: Error | null = null;
  private stopping = false;

  /** onLost: called once if the thread dies on its own (not when stopped). */
  constructor(file: string, primary: boolean, onLost: (error: Error) => void) {
    this.worker = new Worker(new URL("./search-thread.mjs", import.meta.url), { workerData: { file, primary } });
    this.worker.on("message", (m: ThreadReply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.error) p.reject(revive(m.error));
      else p.resolve(m.value);
    });
    const lost = (error: Error) => {
      const first = this.failure === null;
      this.fail(error);
      if (first && !this.stopping) onLost(error);
    };
    this.worker.on("error", lost);
    this.worker.on("exit", (code) => lost(new Error(`search thread exited (${code})`)));
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** Requests in flight: the load balancing measure. */
  get load(): number {
    return this.pending.size;
  }

  call<T>(op: ThreadRequest["op"], ...args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, args } satisfies ThreadRequest);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    try {
      await this.call("close");
    } catch {
      // Already gone: nothing left to flush.
    }
    this.failure ??= new Error("search thread stopped");
    await this.worker.terminate();
  }
}

/** An error from a thread, rebuilt with its class where callers test for it. */
function revive(e: { name: string; message: string }): Error {
  const error = e.name === "SearchQueryError" ? new SearchQueryError(e.message) : new Error(e.message);
  if (e.name !== "SearchQueryError") error.name = e.name;
  return error;
}

export class ThreadedSearchEngine implements SearchEngine {
  readonly name = "embedded" as const;
  private threads: SearchThread[] = [];
  /** Per thread slot: settles when the thread in it has finished init (a replacement too). */
  private ready: Promise<void>[] = [];
  private settings: SearchSettings | null = null;
  private bodies: Database.Statement<[string], string> | null = null;
  private reader: Database.Database | null = null;
  private writes: Promise<unknown> = Promise.resolve();
  private turn = 0;

  constructor(
    private readonly file: string,
    private readonly threadCount: number,
    private readonly logger: { error: (message: string) => void } = console,
  ) {
    if (!Number.isInteger(threadCount) || threadCount < 1) throw new Error("ThreadedSearchEngine needs at least one thread");
  }

  /** Starts the threads: the primary first (it creates the store), then the replicas. */
  async init(settings: SearchSettings): Promise<void> {
    this.settings = settings;
    if (this.threads.length === 0) {
      await this.start(0);
      await Promise.all(Array.from({ length: this.threadCount - 1 }, (_, k) => this.start(k + 1)));
      this.reader = new Database(this.file, { readonly: true });
      this.bodies = this.reader.prepare<[string], string>("SELECT body FROM docs WHERE id = ?").pluck();
    } else await Promise.all(this.threads.map((t) => t.call("init", settings)));
  }

  /**
   * Puts a new thread in slot i (0 is the primary) and initialises it. A thread that dies on its own (a crash, memory
   * exhausted) is replaced the same way: it reads the store afresh, so it misses nothing that was committed.
   */
  private start(i: number): Promise<void> {
    const thread = new SearchThread(this.file, i === 0, (error) => {
      if (this.threads[i] !== thread) return;
      this.logger.error(`search: thread ${i} stopped (${error.message}); starting a new one`);
      // Until the new thread is up, searches go to the others; a short pause keeps a thread that cannot start
      // from restarting in a tight loop.
      this.ready[i] = new Promise<void>((resolve) =>
        setTimeout(() => {
          if (this.threads[i] !== thread) return resolve();
          this.start(i)
            .catch((e: unknown) => this.logger.error(`search: thread ${i} could not restart: ${String(e)}`))
            .finally(resolve);
        }, RESTART_DELAY_MS),
      );
    });
    this.threads[i] = thread;
    const ready = thread.call<void>("init", this.settings);
    this.ready[i] = ready.catch(() => undefined);
    return ready;
  }

  /** The primary once it is ready (waiting for a replacement if it just died). */
  private async primaryThread(): Promise<SearchThread> {
    if (this.threads.length === 0) throw new Error("search engine not initialised");
    await this.ready[0];
    return this.threads[0];
  }

  /** Writes run one after another, each followed by every replica catching up. */
  private write(op: "upsert" | "remove" | "clear", arg: unknown, ids: string[] | null): Promise<void> {
    const run = async () => {
      const primary = await this.primaryThread();
      await (arg === undefined ? primary.call(op) : primary.call(op, arg));
      // A replica being replaced catches up once it is up (refresh is idempotent); a dead one is skipped.
      const follow = async (i: number) => {
        await this.ready[i];
        const r = this.threads[i];
        if (!r.failed) await (ids ? r.call("refresh", ids) : r.call("reload"));
      };
      await Promise.all(this.threads.slice(1).map((_, k) => follow(k + 1)));
    };
    const done = this.writes.then(run, run);
    this.writes = done.catch(() => undefined);
    return done;
  }

  upsert(docs: SearchDocument[]): Promise<void> {
    return this.write("upsert", docs, docs.map((d) => d.id));
  }

  remove(ids: string[]): Promise<void> {
    return this.write("remove", ids, ids);
  }

  clear(): Promise<void> {
    return this.write("clear", undefined, null);
  }

  async count(): Promise<number> {
    return (await this.primaryThread()).call<number>("count");
  }

  async healthy(): Promise<boolean> {
    try {
      return this.threads.length > 0 && (await (await this.primaryThread()).call<boolean>("healthy"));
    } catch {
      return false;
    }
  }

  async search(query: SearchQuery, retried = false): Promise<SearchResult> {
    // The least busy live thread; ties go round, so every thread serves even a trickle of requests.
    const n = this.threads.length;
    if (n === 0) throw new Error("search engine not initialised");
    let thread: SearchThread | null = null;
    let best = Infinity;
    this.turn = (this.turn + 1) % n;
    for (let k = 0; k < n; k++) {
      const t = this.threads[(this.turn + k) % n];
      if (!t.failed && t.load < best) {
        best = t.load;
        thread = t;
      }
    }
    thread ??= await this.primaryThread();
    let reply: DetachedResult;
    try {
      reply = await thread.call("search", query);
    } catch (error) {
      // The thread died under this query: another one answers (once).
      if (thread.failed && !retried) return this.search(query, true);
      throw error;
    }
    const { result, words, prefixes, cropLength } = reply;
    const isMatch = highlights({ words: new Set(words), prefixes });
    for (const hit of result.hits) withLazyBody(hit, () => this.bodies!.get(hit.id), isMatch, cropLength);
    return result;
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await this.writes;
    // Replicas first: the primary's close writes the snapshot.
    await Promise.all(threads.slice(1).map((t) => t.stop()));
    await threads[0]?.stop();
    this.reader?.close();
    this.reader = null;
    this.bodies = null;
  }
}
