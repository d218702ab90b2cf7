import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Opt-in PostgreSQL for the integration tests: with `TEST_DATABASE_URL` set (a role that may
 * CREATE DATABASE, e.g. postgres://courtside:pw@127.0.0.1:5432/postgres), every test server gets a
 * fresh database `courtside_t_<random>` on that server instead of a PGlite data dir. The server
 * migrates and seeds it exactly as production does. Unset → PGlite, as before.
 */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** Which database the test servers use ('postgres' or 'pglite'); /healthz reports the same. */
export const testDatabaseKind: 'postgres' | 'pglite' = testDatabaseUrl ? 'postgres' : 'pglite';

/** Where a data dir remembers its database, so a restart on the same data dir finds its data. */
const MARKER = 'postgres-database';

function adminUrl(): string {
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  return testDatabaseUrl;
}

/** The admin URL with its database replaced. */
export function urlForDatabase(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const NAME = /^courtside_t_[a-z0-9]+$/;

/**
 * The database of this data dir: the one it already names (a restart), or a new empty one.
 * Returns its URL and name.
 */
export async function databaseForDataDir(dataDir: string): Promise<{ url: string; name: string; created: boolean }> {
  const marker = path.join(dataDir, MARKER);
  if (fs.existsSync(marker)) {
    const name = fs.readFileSync(marker, 'utf8').trim();
    if (!NAME.test(name)) throw new Error(`bad database name in ${marker}: ${name}`);
    return { url: urlForDatabase(name), name, created: false };
  }
  const name = `courtside_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  fs.writeFileSync(marker, name);
  return { url: urlForDatabase(name), name, created: true };
}

/** Drops a test database (closing any connection still open to it). */
export async function dropDatabase(name: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`refusing to drop ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Drops the database a data dir names, if any (for data dirs the test passed in and removes itself). */
export async function dropDatabaseOfDataDir(dataDir: string): Promise<void> {
  const marker = path.join(dataDir, MARKER);
  if (!fs.existsSync(marker)) return;
  await dropDatabase(fs.readFileSync(marker, 'utf8').trim());
  fs.rmSync(marker, { force: true });
}

/** Kills every connection to a test database, as a PostgreSQL restart or an admin would. */
export async function terminateConnections(name: string): Promise<number> {
  if (!NAME.test(name)) throw new Error(`refusing to touch ${name}`);
  const res = await admin((c) =>
    c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]),
  );
  return res.rowCount ?? 0;
}
