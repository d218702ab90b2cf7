import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { type BookPoll, type BookQuestion, emptyBook, type QnaBook } from './book.ts';

const ms = (t: Date | string | null): number | null => (t === null ? null : new Date(t).getTime());
const at = (t: number) => new Date(t);
const Options = z.array(z.string());

/** Reads one event's questions, upvotes, polls and poll votes into a book. */
export async function readBook(db: Kysely<Database>, eventId: string): Promise<QnaBook> {
  const book = emptyBook(eventId);
  const questions = await db.selectFrom('event_questions').selectAll().where('event_id', '=', eventId).execute();
  for (const r of questions) {
    book.questions.set(r.id, {
      id: r.id,
      visitorId: r.visitor_id,
      askerName: r.asker_name,
      text: r.text,
      askedAtMs: ms(r.created_at) ?? 0,
      pickedAtMs: ms(r.picked_at),
      answeredAtMs: ms(r.answered_at),
      hidden: r.hidden,
      voters: new Set(),
    });
  }
  const votes = await db
    .selectFrom('event_question_votes as v')
    .innerJoin('event_questions as q', 'q.id', 'v.question_id')
    .select(['v.question_id', 'v.visitor_id'])
    .where('q.event_id', '=', eventId)
    .execute();
  for (const v of votes) book.questions.get(v.question_id)?.voters.add(v.visitor_id);
  const polls = await db.selectFrom('event_polls').selectAll().where('event_id', '=', eventId).orderBy('opened_at').execute();
  const byId = new Map<string, BookPoll>();
  for (const p of polls) {
    const poll: BookPoll = {
      id: p.id,
      question: p.question,
      options: Options.parse(p.options),
      openedAtMs: ms(p.opened_at) ?? 0,
      closedAtMs: ms(p.closed_at),
      votes: new Map(),
    };
    byId.set(p.id, poll);
    book.polls.push(poll);
  }
  const pollVotes = await db
    .selectFrom('event_poll_votes as v')
    .innerJoin('event_polls as p', 'p.id', 'v.poll_id')
    .select(['v.poll_id', 'v.visitor_id', 'v.option'])
    .where('p.event_id', '=', eventId)
    .execute();
  for (const v of pollVotes) byId.get(v.poll_id)?.votes.set(v.visitor_id, v.option);
  return book;
}

export async function insertQuestion(db: Kysely<Database>, eventId: string, q: BookQuestion): Promise<void> {
  await db
    .insertInto('event_questions')
    .values({
      id: q.id,
      event_id: eventId,
      visitor_id: q.visitorId,
      asker_name: q.askerName,
      text: q.text,
      created_at: at(q.askedAtMs),
    })
    .execute();
}

/** Stores an upvote; false when the visitor had already upvoted it (the key says so, not memory). */
export async function insertVote(db: Kysely<Database>, questionId: string, visitorId: string, now: number): Promise<boolean> {
  const done = await db
    .insertInto('event_question_votes')
    .values({ question_id: questionId, visitor_id: visitorId, created_at: at(now) })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(done.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Marks `answered` answered (if any) and puts `picked` on screen (if any), in one transaction. */
export async function moveScreen(
  db: Kysely<Database>,
  change: { answered?: string; picked?: string; hidden?: string },
  now: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (change.answered)
      await tx
        .updateTable('event_questions')
        .set({ answered_at: at(now) })
        .where('id', '=', change.answered)
        .execute();
    if (change.picked)
      await tx
        .updateTable('event_questions')
        .set({ picked_at: at(now) })
        .where('id', '=', change.picked)
        .execute();
    if (change.hidden) await tx.updateTable('event_questions').set({ hidden: true }).where('id', '=', change.hidden).execute();
  });
}

export async function insertPoll(db: Kysely<Database>, eventId: string, poll: BookPoll): Promise<void> {
  await db
    .insertInto('event_polls')
    .values({
      id: poll.id,
      event_id: eventId,
      question: poll.question,
      options: JSON.stringify(poll.options),
      opened_at: at(poll.openedAtMs),
    })
    .execute();
}

export async function closePoll(db: Kysely<Database>, pollId: string, now: number): Promise<void> {
  await db
    .updateTable('event_polls')
    .set({ closed_at: at(now) })
    .where('id', '=', pollId)
    .execute();
}

/** Stores a poll vote; false when the visitor had already voted in it. */
export async function insertPollVote(
  db: Kysely<Database>,
  pollId: string,
  visitorId: string,
  option: number,
  now: number,
): Promise<boolean> {
  const done = await db
    .insertInto('event_poll_votes')
    .values({ poll_id: pollId, visitor_id: visitorId, option, created_at: at(now) })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(done.numInsertedOrUpdatedRows ?? 0) === 1;
}
