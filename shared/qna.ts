import { z } from 'zod';

/**
 * Q&A and polls during a launch event. Visitors ask questions and upvote others' (room messages,
 * filtered and rate-limited like chat); the event's host picks one to show on the big screens and
 * runs polls whose live counts reach every shard. The server keeps it all in the database
 * (migration 014), decides the ranking and sends every shard one `QnaSnapshot` per change, at most
 * every `QNA_PUBLISH_MS`.
 */

/** A question's longest text, in code points (as chat counts them). */
export const QUESTION_MAX_LENGTH = 200;
/** A poll's question and each option, in code points. */
export const POLL_QUESTION_MAX_LENGTH = 120;
export const POLL_OPTION_MAX_LENGTH = 40;
export const POLL_OPTIONS = { min: 2, max: 4 } as const;
/** Questions a visitor may send: three at once, then one every 10 s (a flood is refused, not stored). */
export const QUESTION_RATE = { perSecond: 0.1, burst: 3 } as const;
/** Upvotes and poll votes a visitor may send: a burst, then four a second. */
export const QNA_VOTE_RATE = { perSecond: 4, burst: 12 } as const;
/** Unanswered questions one visitor may have waiting in one event. */
export const OPEN_QUESTIONS_PER_VISITOR = 5;
/** The venue publishes Q&A changes (votes, poll counts) at most this often per event. */
export const QNA_PUBLISH_MS = 250;
/**
 * Waiting questions a snapshot carries (the best ranked); answered ones, newest first. NOTE: every
 * change sends the whole snapshot to every visitor, up to 4 times a second in a vote storm: at 20 and
 * 5 a full one is about 7.6 KB of JSON (50 and 10 made 17.5 KB), so at most ~30 KB/s per visitor.
 */
export const QNA_LIST_LIMIT = 20;
export const QNA_ANSWERED_LIMIT = 5;

/**
 * Why a Q&A message changed nothing: the `message` of its `qna_rejected` error (the client words
 * each its own way; an unknown one falls back to the code's text).
 */
export const QNA_REJECTION = {
  empty: 'empty',
  tooLong: 'too long',
  filtered: 'words the venue does not allow',
  muted: 'muted',
  noEvent: 'the event takes no questions now',
  unknownQuestion: 'no such question',
  ownQuestion: 'you cannot upvote your own question',
  alreadyVoted: 'already voted',
  answered: 'already answered',
  tooManyOpen: 'too many questions waiting',
  pollOpen: 'a poll is open already',
  noPoll: 'no open poll',
  badOption: 'no such option',
  badPoll: 'a poll needs 2-4 different options',
} as const;
export type QnaRejection = (typeof QNA_REJECTION)[keyof typeof QNA_REJECTION];

const EventId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/);
/** Question and poll ids: random, made by the server. */
export const QnaId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);

/** Visitor → server: a question for the event's host. */
export const QnaAsk = z.strictObject({ eventId: EventId, text: z.string().max(QUESTION_MAX_LENGTH * 4) });
export type QnaAsk = z.infer<typeof QnaAsk>;

/** Visitor → server: an upvote of someone else's question (once per visitor and question). */
export const QnaVote = z.strictObject({ eventId: EventId, questionId: QnaId });
export type QnaVote = z.infer<typeof QnaVote>;

/** Visitor → server: a vote in the open poll (once per visitor and poll). */
export const PollVote = z.strictObject({
  eventId: EventId,
  pollId: QnaId,
  option: z
    .number()
    .int()
    .min(0)
    .max(POLL_OPTIONS.max - 1),
});
export type PollVote = z.infer<typeof PollVote>;

/**
 * Host → server (only who `mayHostEvent`): `pick` a question onto the screens (the one there before
 * is marked answered), `done` marks the one on screen answered and clears it, `hide` takes a question
 * off the list, `openPoll` and `closePoll` run the event's poll.
 */
export const QnaHost = z.discriminatedUnion('action', [
  z.strictObject({ eventId: EventId, action: z.literal('pick'), questionId: QnaId }),
  z.strictObject({ eventId: EventId, action: z.literal('done') }),
  z.strictObject({ eventId: EventId, action: z.literal('hide'), questionId: QnaId }),
  z.strictObject({
    eventId: EventId,
    action: z.literal('openPoll'),
    question: z.string().max(POLL_QUESTION_MAX_LENGTH * 4),
    options: z
      .array(z.string().max(POLL_OPTION_MAX_LENGTH * 4))
      .min(POLL_OPTIONS.min)
      .max(POLL_OPTIONS.max),
  }),
  z.strictObject({ eventId: EventId, action: z.literal('closePoll') }),
]);
export type QnaHost = z.infer<typeof QnaHost>;

/** A question as everyone sees it (never the asker's visitor id). */
export const QnaQuestion = z.object({
  id: QnaId,
  askerName: z.string(),
  text: z.string(),
  votes: z.number().int().min(0),
  askedAtMs: z.number(),
  pickedAtMs: z.number().nullable(),
  answeredAtMs: z.number().nullable(),
});
export type QnaQuestion = z.infer<typeof QnaQuestion>;

/** A poll with its live counts (one per option). */
export const QnaPoll = z.object({
  id: QnaId,
  question: z.string(),
  options: z.array(z.string()),
  counts: z.array(z.number().int().min(0)),
  openedAtMs: z.number(),
  closedAtMs: z.number().nullable(),
});
export type QnaPoll = z.infer<typeof QnaPoll>;

/**
 * Server → every visitor (`MSG.qna`): one event's Q&A now. `seq` grows with every change, so a copy
 * older than one already shown is ignored. `poll` is the event's latest poll, open or closed.
 */
export const QnaSnapshot = z.object({
  eventId: EventId,
  seq: z.number().int().min(0),
  questions: z.array(QnaQuestion),
  onScreen: QnaQuestion.nullable(),
  answered: z.array(QnaQuestion),
  poll: QnaPoll.nullable(),
});
export type QnaSnapshot = z.infer<typeof QnaSnapshot>;

/** Server → one visitor (`MSG.qnaMine`): their own questions, upvotes and vote in the latest poll. */
export const QnaMine = z.object({
  eventId: EventId,
  asked: z.array(QnaId),
  voted: z.array(QnaId),
  poll: z.object({ pollId: QnaId, option: z.number().int().min(0) }).nullable(),
});
export type QnaMine = z.infer<typeof QnaMine>;

/** The ranking everyone sees: most votes first, then the earlier question, then by id (a stable order). */
export function compareQuestions(a: Pick<QnaQuestion, 'votes' | 'askedAtMs' | 'id'>, b: typeof a): number {
  return b.votes - a.votes || a.askedAtMs - b.askedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Questions in ranking order (a new array). */
export function rankQuestions<Q extends Pick<QnaQuestion, 'votes' | 'askedAtMs' | 'id'>>(questions: Iterable<Q>): Q[] {
  return [...questions].sort(compareQuestions);
}
