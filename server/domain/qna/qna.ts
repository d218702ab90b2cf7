import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { QNA_PUBLISH_MS, QNA_REJECTION, type QnaMine, type QnaSnapshot } from '../../../shared/qna.ts';
import type { Database } from '../../db/schema.ts';
import type { Log } from '../../ops/logger.ts';
import * as book from './book.ts';
import type { Verdict } from './book.ts';
import * as rows from './rows.ts';
import { createPublishThrottle, type PublishThrottle } from './publishThrottle.ts';

export type { Verdict } from './book.ts';

export interface QnaDeps {
  db: Kysely<Database>;
  /** Server time in ms since the epoch. */
  now: () => number;
  /** Whether the event takes questions, upvotes and polls now (it exists and has not ended). */
  eventOpen: (eventId: string) => boolean;
  /** Sends an event's Q&A to every shard (CHANNEL.qna). */
  publish: (snapshot: QnaSnapshot) => void;
  /** Least time between two publishes of one event (default `QNA_PUBLISH_MS`). */
  publishMs?: number;
  log?: Log;
}

/** A host command, its text already trimmed and checked (see features/qna/qnaRules.ts). */
export type HostCommand =
  | { action: 'pick'; questionId: string }
  | { action: 'done' }
  | { action: 'hide'; questionId: string }
  | { action: 'openPoll'; question: string; options: string[] }
  | { action: 'closePoll' };

/**
 * The venue's Q&A and polls (one owner, like the event clock): each event's book in memory, read
 * from the database on first use. Each change is checked against the book, written to the database,
 * then applied to the book, one at a time per event, so a second upvote is refused even when both
 * arrive together. Every change schedules one snapshot on `publish`, at most every `publishMs`.
 */
export interface Qna {
  ask(eventId: string, asker: { visitorId: string; name: string }, text: string): Promise<Verdict>;
  vote(eventId: string, visitorId: string, questionId: string): Promise<Verdict>;
  pollVote(eventId: string, visitorId: string, pollId: string, option: number): Promise<Verdict>;
  host(eventId: string, command: HostCommand): Promise<Verdict>;
  /** The event's Q&A now (what a visitor joining sees). */
  snapshot(eventId: string): Promise<QnaSnapshot>;
  /** One visitor's own questions and votes in the event. */
  mine(eventId: string, visitorId: string): Promise<QnaMine>;
  /** Stops pending publishes. */
  close(): void;
}

/** A new question or poll id: 12 random bytes, base64url. */
export const newQnaId = () => randomBytes(12).toString('base64url');

interface Entry {
  loaded: Promise<book.QnaBook>;
  /** The change under way; the next waits for it. */
  queue: Promise<unknown>;
  seq: number;
  publishes: PublishThrottle;
}

/** Creates the venue's Q&A in this process. */
export function createQna(deps: QnaDeps): Qna {
  const publishMs = deps.publishMs ?? QNA_PUBLISH_MS;
  const entries = new Map<string, Entry>();

  function entry(eventId: string): Entry {
    let e = entries.get(eventId);
    if (!e) {
      const loaded = rows.readBook(deps.db, eventId);
      const publishes = createPublishThrottle(
        publishMs,
        () => void loaded.then((b) => deps.publish(book.snapshotOf(b, current.seq))),
      );
      const current: Entry = { loaded, queue: loaded, seq: 0, publishes };
      e = current;
      entries.set(eventId, e);
      // NOTE: a failed read is not kept: the next request reads again.
      loaded.catch(() => entries.delete(eventId));
    }
    return e;
  }

  /** Runs one change of an event's book after the ones before it; a change that applied schedules a publish. */
  function change(eventId: string, apply: (b: book.QnaBook, now: number) => Promise<Verdict>): Promise<Verdict> {
    if (!deps.eventOpen(eventId)) return Promise.resolve(QNA_REJECTION.noEvent);
    const e = entry(eventId);
    const run = e.queue.then(async () => {
      const verdict = await apply(await e.loaded, deps.now());
      if (verdict === undefined) {
        e.seq++;
        e.publishes.changed();
      }
      return verdict;
    });
    e.queue = run.catch(() => undefined);
    return run;
  }

  return {
    ask: (eventId, { visitorId, name }, text) =>
      change(eventId, async (b, now) => {
        const verdict = book.mayAsk(b, visitorId);
        if (verdict) return verdict;
        const q: book.BookQuestion = {
          id: newQnaId(),
          visitorId,
          askerName: name,
          text,
          askedAtMs: now,
          pickedAtMs: null,
          answeredAtMs: null,
          hidden: false,
          voters: new Set(),
        };
        await rows.insertQuestion(deps.db, eventId, q);
        b.questions.set(q.id, q);
        return undefined;
      }),
    vote: (eventId, visitorId, questionId) =>
      change(eventId, async (b, now) => {
        const verdict = book.mayVote(b, visitorId, questionId);
        if (verdict) return verdict;
        const stored = await rows.insertVote(deps.db, questionId, visitorId, now);
        b.questions.get(questionId)?.voters.add(visitorId);
        return stored ? undefined : QNA_REJECTION.alreadyVoted;
      }),
    pollVote: (eventId, visitorId, pollId, option) =>
      change(eventId, async (b, now) => {
        const verdict = book.mayPollVote(b, visitorId, pollId, option);
        if (verdict) return verdict;
        const stored = await rows.insertPollVote(deps.db, pollId, visitorId, option, now);
        if (!stored) return QNA_REJECTION.alreadyVoted;
        book.latestPoll(b)?.votes.set(visitorId, option);
        return undefined;
      }),
    host: (eventId, command) => change(eventId, (b, now) => hostCommand(deps.db, b, command, now)),
    async snapshot(eventId) {
      const e = entry(eventId);
      return book.snapshotOf(await e.loaded, e.seq);
    },
    async mine(eventId, visitorId) {
      return book.mineOf(await entry(eventId).loaded, visitorId);
    },
    close() {
      for (const e of entries.values()) e.publishes.close();
    },
  };
}

/** Applies one host command to the book and the database. */
async function hostCommand(db: Kysely<Database>, b: book.QnaBook, command: HostCommand, now: number): Promise<Verdict> {
  const screen = book.questionOnScreen(b);
  switch (command.action) {
    case 'pick': {
      const verdict = book.mayPick(b, command.questionId);
      if (verdict) return verdict;
      if (screen?.id === command.questionId) return undefined;
      const picked = b.questions.get(command.questionId);
      await rows.moveScreen(db, { ...(screen ? { answered: screen.id } : {}), picked: command.questionId }, now);
      if (screen) screen.answeredAtMs = now;
      if (picked) picked.pickedAtMs = now;
      return undefined;
    }
    case 'done': {
      if (!screen) return QNA_REJECTION.unknownQuestion;
      await rows.moveScreen(db, { answered: screen.id }, now);
      screen.answeredAtMs = now;
      return undefined;
    }
    case 'hide': {
      const q = b.questions.get(command.questionId);
      if (!q || q.hidden) return QNA_REJECTION.unknownQuestion;
      await rows.moveScreen(db, { hidden: q.id }, now);
      q.hidden = true;
      return undefined;
    }
    case 'openPoll': {
      const verdict = book.mayOpenPoll(b, command.question, command.options);
      if (verdict) return verdict;
      const poll: book.BookPoll = {
        id: newQnaId(),
        question: command.question,
        options: command.options,
        openedAtMs: now,
        closedAtMs: null,
        votes: new Map(),
      };
      await rows.insertPoll(db, b.eventId, poll);
      b.polls.push(poll);
      return undefined;
    }
    case 'closePoll': {
      const poll = book.latestPoll(b);
      if (!poll || poll.closedAtMs !== null) return QNA_REJECTION.noPoll;
      await rows.closePoll(db, poll.id, now);
      poll.closedAtMs = now;
      return undefined;
    }
  }
}
