import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { migrateToLatest } from './migrate.ts';
import { ownerOnly } from './ownerOnly.ts';
import { startPgliteThread } from './worker/pgliteThread.ts';
import { PgliteThreadDialect } from './worker/threadDialect.ts';
import type { PoolCounts } from '../ops/metrics.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open, migrated database and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The PostgreSQL pool's connection counts (for `/metrics`); PGlite has no pool. */
  pool?: () => PoolCounts;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; unset → embedded PGlite in `dataDir/pglite`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * A `dumpDataDir()` tarball to start an EMPTY PGlite data dir from (tests use a migrated template
   * so they skip initdb). Ignored when the data dir already holds a database.
   */
  pgliteTemplate?: Blob;
  /** Told when an idle pooled PostgreSQL connection fails (server restart, admin kill, proxy timeout). */
  onPoolError?: (err: Error) => void;
}

/** Where PGlite keeps its files inside the data dir. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** Opens the database (PGlite or PostgreSQL) and runs pending migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // NOTE: without a listener, an idle client's error (e.g. PostgreSQL restarting) is an unhandled
    // 'error' event that kills the process. The pool drops that client and opens a new one when needed.
    pool.on('error', (err) => options.onPoolError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrateOrClose(db);
    const counts = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, kind: 'postgres', pool: counts, close: () => db.destroy() };
  }
  const dir = pgliteDir(options.dataDir);
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  // NOTE: the database holds the session secret: only the server's own user may enter the data dir
  // (when this makes it; one that exists is the operator's) or the database's own.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // NOTE: PGlite runs each statement as one synchronous WebAssembly call: on a thread of its own, so
  // a checkout rush never stalls the room's ticks and pose relays on the main thread.
  const thread = await startPgliteThread(dir, fresh ? options.pgliteTemplate : undefined);
  const db = new Kysely<Database>({ dialect: new PgliteThreadDialect(thread) });
  await migrateOrClose(db);
  ownerOnly(dir);
  return { db, kind: 'pglite', close: () => db.destroy() };
}

async function migrateOrClose(db: Kysely<Database>): Promise<void> {
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
}
