import { sql, type Kysely } from 'kysely';

/**
 * Notes on the columns whose meaning the SQL type does not say. They live in the database (psql's
 * `\d+` shows them) and `npm run db:types` copies them into server/db/schema.ts as JSDoc.
 */
const NOTES: [table: string, column: string, note: string][] = [
  ['products', 'data', 'The product as the catalog file describes it (shared/catalog.ts Product).'],
  ['squads', 'code', 'The short invite code (shared/together.ts `SquadCode`).'],
  ['squad_members', 'visitor_id', 'Unique: a visitor is in one squad at most.'],
  ['group_buys', 'deal', 'The deal as it stood when the group opened (`GroupDealRecord`, versioned by `schema_version`).'],
  [
    'group_buy_commits',
    'idempotency_key',
    "The commit's key in `idempotency_keys`: the order placed at fill is recorded there too.",
  ],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column, note] of NOTES) {
    await sql`comment on column ${sql.ref(`${table}.${column}`)} is ${sql.lit(note)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of NOTES) await sql`comment on column ${sql.ref(`${table}.${column}`)} is null`.execute(db);
}
