import { type Kysely, sql } from 'kysely';
import { eventPhase, type LaunchEvent } from '../../../shared/events.ts';
import type { DropRecap, EventRecap } from '../../../shared/recap.ts';
import type { Database } from '../../db/schema.ts';
import { readProof } from '../raffle/rows.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** What a recap reads: the database, and how many have entered a drop not drawn yet. */
export interface RecapDeps {
  db: Kysely<Database>;
  /** NOTE: entries are accepted in memory and written in batches, so the drop gate counts them, not the table. */
  entrantsSoFar(eventId: string): Promise<number>;
}

/**
 * An event's recap: its times, its drop (entrants, units, how fast the winners paid) and its raffle's
 * proof. Read on request; nothing is kept for it.
 */
export async function readRecap(deps: RecapDeps, event: LaunchEvent, nowMs: number): Promise<EventRecap> {
  const start = Date.parse(event.startsAt);
  const [drop, raffle, qna] = await Promise.all([
    readDropRecap(deps, event.id),
    readRaffle(deps.db, event.id),
    readQnaRecap(deps.db, event.id),
  ]);
  return {
    eventId: event.id,
    phase: eventPhase(event, nowMs),
    revealAt: iso(start),
    liveAt: iso(start + event.revealMs),
    endsAt: iso(Date.parse(event.endsAt)),
    drop,
    raffle,
    ...qna,
  };
}

/** The Q&A transcript: the questions the host picked (with their upvotes), how many were asked, the polls. */
async function readQnaRecap(db: Kysely<Database>, eventId: string) {
  const [asked, picked, polls] = await Promise.all([
    db
      .selectFrom('event_questions')
      .select(sql<number>`count(*)::integer`.as('n'))
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('event_questions as q')
      .select([
        'q.asker_name',
        'q.text',
        'q.picked_at',
        'q.answered_at',
        sql<number>`(select count(*)::integer from event_question_votes v where v.question_id = q.id)`.as('votes'),
      ])
      .where('q.event_id', '=', eventId)
      .where('q.hidden', '=', false)
      .where('q.picked_at', 'is not', null)
      .orderBy('q.picked_at')
      .execute(),
    db
      .selectFrom('event_polls as p')
      .select([
        'p.question',
        'p.options',
        'p.opened_at',
        sql<
          { option: number; n: number }[]
        >`coalesce((select json_agg(json_build_object('option', option, 'n', n)) from (select option, count(*)::integer as n from event_poll_votes v where v.poll_id = p.id group by option) c), '[]')`.as(
          'tally',
        ),
      ])
      .where('p.event_id', '=', eventId)
      .orderBy('p.opened_at')
      .execute(),
  ]);
  return {
    questionsAsked: asked.n,
    questions: picked.map((q) => ({
      askerName: q.asker_name,
      text: q.text,
      votes: q.votes,
      pickedAt: iso(new Date(q.picked_at as Date).getTime()),
      answered: q.answered_at !== null,
    })),
    polls: polls.map((p) => {
      const options = p.options as string[];
      const counts = options.map((_, i) => p.tally.find((t) => t.option === i)?.n ?? 0);
      return { question: p.question, options, counts, openedAt: iso(new Date(p.opened_at).getTime()) };
    }),
  };
}

async function readRaffle(db: Kysely<Database>, eventId: string) {
  const exists = await db.selectFrom('raffles').select('event_id').where('event_id', '=', eventId).executeTakeFirst();
  return exists ? readProof(db, eventId) : null;
}

async function readDropRecap({ db, entrantsSoFar }: RecapDeps, eventId: string): Promise<DropRecap | null> {
  const drop = await db.selectFrom('drops').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  if (!drop) return null;
  const order = drop.draw_order as string[] | null;
  const entrants = order?.length ?? (await entrantsSoFar(eventId));
  const holds = await db
    .selectFrom('drop_holds')
    .select([
      sql<number>`count(*) filter (where status = 'bought')::integer`.as('bought'),
      sql<Date | null>`min(expires_at)`.as('firstExpiry'),
      sql<Date | null>`min(updated_at) filter (where status = 'bought')`.as('firstBought'),
      sql<Date | null>`max(updated_at) filter (where status = 'bought')`.as('lastBought'),
    ])
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  // NOTE: the draw gives every winner a hold expiring `hold_ms` after it, and a hold passed on later
  // expires later still, so the earliest expiry less `hold_ms` is the draw's moment.
  const drawnAtMs = holds.firstExpiry === null ? null : new Date(holds.firstExpiry).getTime() - drop.hold_ms;
  const after = (at: Date | null) => (at === null || drawnAtMs === null ? null : Math.max(0, new Date(at).getTime() - drawnAtMs));
  const soldOut = drop.drawn_units !== null && drop.drawn_units > 0 && holds.bought >= drop.drawn_units;
  return {
    units: drop.units,
    drawnUnits: drop.drawn_units,
    entrants,
    entryWindowMs: drop.entry_window_ms,
    drawnAt: drawnAtMs === null ? null : iso(drawnAtMs),
    bought: holds.bought,
    firstBoughtAfterMs: after(holds.firstBought),
    soldOutAfterMs: soldOut ? after(holds.lastBought) : null,
  };
}
