import { sql, type Kysely } from 'kysely';

/**
 * Q&A and polls of launch events (shared/qna.ts). `event_id` names an event of the events table or
 * a demo loop's run (those are not rows), so it is not a foreign key. A question is waiting until
 * `answered_at`; it is on the screens while `picked_at` is set and `answered_at` is not. One upvote
 * per visitor per question and one vote per visitor per poll are primary keys, so a second one can
 * never be counted.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the app's current schema type; Kysely documents Kysely<any> for them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('asker_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('picked_at', 'timestamptz')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('event_questions_event').on('event_questions').column('event_id').execute();
  await sql`comment on column event_questions.asker_name is ${sql.lit(
    'The name the asker had when they asked: the screens show it beside the question.',
  )}`.execute(db);
  await sql`comment on column event_questions.hidden is ${sql.lit(
    'The host took the question off the list; it is kept for the record but never shown.',
  )}`.execute(db);

  await db.schema
    .createTable('event_question_votes')
    .addColumn('question_id', 'text', (c) => c.notNull().references('event_questions.id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_question_votes_once', ['question_id', 'visitor_id'])
    .execute();

  await db.schema
    .createTable('event_polls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('options', 'jsonb', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('event_polls_event').on('event_polls').column('event_id').execute();
  await sql`comment on column event_polls.options is ${sql.lit(
    'The options as the host typed them (JSON array of 2-4 strings); a vote names one by its index.',
  )}`.execute(db);

  await db.schema
    .createTable('event_poll_votes')
    .addColumn('poll_id', 'text', (c) => c.notNull().references('event_polls.id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('option', 'integer', (c) => c.notNull().check(sql`option between 0 and 3`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_poll_votes_once', ['poll_id', 'visitor_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_poll_votes').execute();
  await db.schema.dropTable('event_polls').execute();
  await db.schema.dropTable('event_question_votes').execute();
  await db.schema.dropTable('event_questions').execute();
}
