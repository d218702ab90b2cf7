import { readFileSync } from 'node:fs';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { readColumns, renderSchema, SCHEMA_FILE } from '../../../../scripts/db/types.ts';
import { templateDatabase } from '../../../integration/support/pgliteTemplate.ts';

let db: Kysely<unknown> | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

/** A migrated database (the tests' template, made by the same migrateToLatest as `npm run db:types`). */
async function migrated(): Promise<Kysely<unknown>> {
  db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite: await templateDatabase() }) });
  return db;
}

describe('database types (npm run db:types)', () => {
  it('server/db/schema.ts is exactly what the migrations make: run `npm run db:types` after adding one', async () => {
    const generated = renderSchema(await readColumns(await migrated()));
    expect(generated).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('sees a column a migration adds, with its nullability, default and comment', async () => {
    const database = await migrated();
    await sql`alter table skus add column restock_at timestamptz`.execute(database);
    await sql`alter table skus add column shelf integer not null default 1`.execute(database);
    await sql`comment on column skus.shelf is 'Which shelf shows it.'`.execute(database);
    const generated = renderSchema(await readColumns(database));
    expect(generated).toContain(
      '  restock_at: Timestamp | null;\n  /** Which shelf shows it. */\n  shelf: Generated<number>;\n}',
    );
    expect(generated).not.toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('stops on a column type it has no TypeScript for, naming the column', () => {
    const column = { table: 'skus', column: 'photo', type: 'bytea', nullable: true, hasDefault: false, note: null };
    expect(() => renderSchema([column])).toThrow(/skus\.photo is bytea/);
  });
});
