import { SqliteDialect, type DatabaseConnection, type SqliteDatabase, type SqliteDialectConfig, type Driver, type QueryCompiler, type TransactionSettings } from "kysely";

/**
 * kysely's SQLite dialect with its one connection handed to waiting queries in arrival order.
 *
 * SQLite has a single connection, so kysely's driver makes every query wait for it with a lock that wakes ALL waiters
 * at each release (`while (locked) await lock`): one wins, the others go back to waiting, so a burst of n queries
 * costs n² wake-ups. People opening agendas together queue a few queries each (session, access, stored state); after
 * a restart every open editor reconnects at once. Measured on this machine (a prepared one-row select): 150 queries
 * at once 6.8 µs a query with kysely's lock, 2.5 µs here; 1,000 at once 38 µs against 3 µs. Here a release hands the
 * connection to the next waiter only, in arrival order. Transactions begin IMMEDIATE (below); the rest is kysely's driver.
 */
export class FifoSqliteDialect extends SqliteDialect {
  constructor(private readonly fifoConfig: SqliteDialectConfig & { database: SqliteDatabase }) {
    super(fifoConfig);
  }

  createDriver(): Driver {
    return new FifoDriver(super.createDriver(), this.fifoConfig.database);
  }
}

/** How long a statement waits for another connection's write lock (busy_timeout), in ms. */
export const SQLITE_BUSY_MS = 5000;

class FifoDriver implements Driver {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly inner: Driver,
    // The same connection kysely's driver wraps: transactions begin on it directly (see beginTransaction).
    private readonly database: SqliteDatabase,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // Ownership passes directly from the releasing query to the next waiter, so `held` stays true in between.
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held = true;
    // kysely's own lock is always free here: only the holder of this one reaches it.
    return this.inner.acquireConnection();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  // BEGIN IMMEDIATE takes the write lock at the start: the /collab process (or another instance) writes the same file,
  // and a deferred transaction that read first and wrote afterwards failed at once with "database is locked" when
  // another connection had written in between (SQLite cannot wait there). The lock is waited for here without
  // blocking the thread (busy_timeout 0, short pauses): a blocking wait would stall every connection of the process,
  // and deadlock against a transaction of this same thread (two instances in one test process).
  async beginTransaction(_connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    const deadline = Date.now() + SQLITE_BUSY_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
      this.database.prepare("pragma busy_timeout = 0").all([]);
      try {
        this.database.prepare("begin immediate").run([]);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
      } finally {
        this.database.prepare(`pragma busy_timeout = ${SQLITE_BUSY_MS}`).all([]);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return this.inner.savepoint!(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
