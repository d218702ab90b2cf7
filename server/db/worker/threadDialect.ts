import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type { PgliteThread } from './pgliteThread.ts';

/**
 * The one connection. NOTE: BEGIN travels with the transaction's first statement rather than alone:
 * every trip between the threads waits for the main thread's turn while the transaction holds the
 * only connection. A transaction that ran no statement has nothing to commit or roll back.
 */
class ThreadConnection implements DatabaseConnection {
  readonly #thread: PgliteThread;
  #beginPending = false;

  constructor(thread: PgliteThread) {
    this.#thread = thread;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const begin = this.#beginPending;
    this.#beginPending = false;
    const { rows, affectedRows } = await this.#thread.query(compiled.sql, compiled.parameters, begin);
    return { rows: rows as R[], ...(affectedRows != null ? { numAffectedRows: BigInt(affectedRows) } : {}) };
  }

  begin(): void {
    this.#beginPending = true;
  }

  /** Ends the transaction with `commit` or `rollback`; nothing to send when it never began in the database. */
  async end(statement: 'commit' | 'rollback'): Promise<void> {
    if (this.#beginPending) {
      this.#beginPending = false;
      return;
    }
    await this.executeQuery(CompiledQuery.raw(statement));
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; Kysely's own PGlite driver refuses the same way.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the embedded database');
  }
}

class ThreadDriver implements Driver {
  readonly #thread: PgliteThread;
  readonly #connection: ThreadConnection;

  constructor(thread: PgliteThread) {
    this.#thread = thread;
    this.#connection = new ThreadConnection(thread);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {}

  async beginTransaction(): Promise<void> {
    this.#connection.begin();
  }

  async commitTransaction(): Promise<void> {
    await this.#connection.end('commit');
  }

  async rollbackTransaction(): Promise<void> {
    await this.#connection.end('rollback');
  }

  async destroy(): Promise<void> {
    await this.#thread.close();
  }
}

/**
 * Kysely over a PGlite that runs on its own thread (pgliteThread.ts). One connection, as PGlite is:
 * a transaction holds it until COMMIT or ROLLBACK and every other statement waits its turn, so no
 * statement ever lands inside another request's transaction. NOTE: the waiting is Kysely's own: its
 * runtime driver queues connection use when the adapter says `supportsMultipleConnections: false`,
 * as `PGliteAdapter` does. Same SQL, adapter and introspection as Kysely's PGlite dialect.
 */
export class PgliteThreadDialect implements Dialect {
  readonly #thread: PgliteThread;

  constructor(thread: PgliteThread) {
    this.#thread = thread;
  }

  createAdapter(): DialectAdapter {
    return new PGliteAdapter();
  }

  createDriver(): Driver {
    return new ThreadDriver(this.#thread);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
