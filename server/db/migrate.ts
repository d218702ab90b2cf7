import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as m001 from './migrations/001_initial.ts';
import * as m002 from './migrations/002_squads.ts';
import * as m003 from './migrations/003_group_buys.ts';
import * as m004 from './migrations/004_column_notes.ts';
import * as m005 from './migrations/005_payments.ts';
import * as m006 from './migrations/006_back_in_stock.ts';
import * as m007 from './migrations/007_checkout_details.ts';
import * as m008 from './migrations/008_checkout_statements.ts';
import * as m009 from './migrations/009_events.ts';
import * as m010 from './migrations/010_drops.ts';
import * as m011 from './migrations/011_raffles.ts';
import * as m012 from './migrations/012_event_hosts.ts';
import * as m013 from './migrations/013_event_offers.ts';
import * as m014 from './migrations/014_qna.ts';

/**
 * Every migration, in order. A new migration is a new file here and a new line below; names sort
 * in the order they run.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_squads': m002,
  '003_group_buys': m003,
  '004_column_notes': m004,
  '005_payments': m005,
  '006_back_in_stock': m006,
  '007_checkout_details': m007,
  '008_checkout_statements': m008,
  '009_events': m009,
  '010_drops': m010,
  '011_raffles': m011,
  '012_event_hosts': m012,
  '013_event_offers': m013,
  '014_qna': m014,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to the newest migration; throws if any migration fails. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
