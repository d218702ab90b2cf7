import { sql, type Kysely } from 'kysely';

/** Squads (a short invite code each) and their members: one squad per visitor. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('squads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('squad_members')
    .addColumn('squad_id', 'text', (c) => c.notNull().references('squads.id').onDelete('cascade'))
    .addColumn('visitor_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('squad_members_squad').on('squad_members').columns(['squad_id', 'joined_at']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('squad_members').execute();
  await db.schema.dropTable('squads').execute();
}
