import {
  OPEN_QUESTIONS_PER_VISITOR,
  QNA_ANSWERED_LIMIT,
  QNA_LIST_LIMIT,
  QNA_REJECTION,
  type QnaMine,
  type QnaPoll,
  type QnaQuestion,
  type QnaRejection,
  type QnaSnapshot,
  rankQuestions,
} from '../../../shared/qna.ts';

/** A question as the venue keeps it: what everyone sees, plus who asked and who upvoted. */
export interface BookQuestion extends Omit<QnaQuestion, 'votes'> {
  visitorId: string;
  hidden: boolean;
  voters: Set<string>;
}

/** A poll as the venue keeps it: its votes by visitor. */
export interface BookPoll extends Omit<QnaPoll, 'counts'> {
  votes: Map<string, number>;
}

/** One event's Q&A in memory: its questions and polls (oldest first), as read from the database. */
export interface QnaBook {
  eventId: string;
  questions: Map<string, BookQuestion>;
  polls: BookPoll[];
}

/** A rule a request breaks (the `message` of its `qna_rejected` error), or undefined when it may go ahead. */
export type Verdict = QnaRejection | undefined;

/** An empty book for an event with no Q&A yet. */
export function emptyBook(eventId: string): QnaBook {
  return { eventId, questions: new Map(), polls: [] };
}

const waiting = (q: BookQuestion) => !q.hidden && q.answeredAtMs === null;
const onScreen = (q: BookQuestion) => waiting(q) && q.pickedAtMs !== null;

/** The event's latest poll (open or closed), if any. */
export function latestPoll(book: QnaBook): BookPoll | undefined {
  return book.polls.at(-1);
}

/** Whether this visitor may ask one more question: at most `OPEN_QUESTIONS_PER_VISITOR` waiting at once. */
export function mayAsk(book: QnaBook, visitorId: string): Verdict {
  let open = 0;
  for (const q of book.questions.values()) if (q.visitorId === visitorId && waiting(q)) open++;
  return open >= OPEN_QUESTIONS_PER_VISITOR ? QNA_REJECTION.tooManyOpen : undefined;
}

/** Whether this visitor may upvote this question: someone else's, still waiting, not upvoted by them yet. */
export function mayVote(book: QnaBook, visitorId: string, questionId: string): Verdict {
  const q = book.questions.get(questionId);
  if (!q || q.hidden) return QNA_REJECTION.unknownQuestion;
  if (q.visitorId === visitorId) return QNA_REJECTION.ownQuestion;
  if (q.answeredAtMs !== null) return QNA_REJECTION.answered;
  if (q.voters.has(visitorId)) return QNA_REJECTION.alreadyVoted;
  return undefined;
}

/** Whether the host may pick this question: it exists, is shown and not answered yet. */
export function mayPick(book: QnaBook, questionId: string): Verdict {
  const q = book.questions.get(questionId);
  if (!q || q.hidden) return QNA_REJECTION.unknownQuestion;
  return q.answeredAtMs === null ? undefined : QNA_REJECTION.answered;
}

/** The question on the screens now, if any. */
export function questionOnScreen(book: QnaBook): BookQuestion | undefined {
  for (const q of book.questions.values()) if (onScreen(q)) return q;
  return undefined;
}

/** Whether this visitor may vote `option` in poll `pollId`: the latest poll, open, a real option, their first vote. */
export function mayPollVote(book: QnaBook, visitorId: string, pollId: string, option: number): Verdict {
  const poll = latestPoll(book);
  if (!poll || poll.id !== pollId || poll.closedAtMs !== null) return QNA_REJECTION.noPoll;
  if (option >= poll.options.length) return QNA_REJECTION.badOption;
  return poll.votes.has(visitorId) ? QNA_REJECTION.alreadyVoted : undefined;
}

/** Whether a new poll may open: none open, and its options (already trimmed) are 2-4 different, non-empty ones. */
export function mayOpenPoll(book: QnaBook, question: string, options: readonly string[]): Verdict {
  if (latestPoll(book)?.closedAtMs === null) return QNA_REJECTION.pollOpen;
  if (question === '') return QNA_REJECTION.empty;
  const distinct = new Set(options.map((o) => o.toLowerCase()));
  if (options.some((o) => o === '') || distinct.size !== options.length) return QNA_REJECTION.badPoll;
  return undefined;
}

const publicQuestion = ({ visitorId: _v, hidden: _h, voters, ...q }: BookQuestion): QnaQuestion => ({ ...q, votes: voters.size });

/** Counts per option. */
export function pollCounts(poll: BookPoll): number[] {
  const counts = poll.options.map(() => 0);
  for (const option of poll.votes.values()) counts[option] = (counts[option] ?? 0) + 1;
  return counts;
}

/** What every visitor sees of the book: waiting questions ranked (best `QNA_LIST_LIMIT`), the one on screen, the latest answered and the latest poll. */
export function snapshotOf(book: QnaBook, seq: number): QnaSnapshot {
  const all = [...book.questions.values()];
  const screen = all.find(onScreen);
  const answered = all
    .filter((q) => !q.hidden && q.answeredAtMs !== null)
    .sort((a, b) => (b.answeredAtMs ?? 0) - (a.answeredAtMs ?? 0))
    .slice(0, QNA_ANSWERED_LIMIT);
  const poll = latestPoll(book);
  return {
    eventId: book.eventId,
    seq,
    questions: rankQuestions(all.filter((q) => waiting(q) && q !== screen).map(publicQuestion)).slice(0, QNA_LIST_LIMIT),
    onScreen: screen ? publicQuestion(screen) : null,
    answered: answered.map(publicQuestion),
    poll: poll
      ? {
          id: poll.id,
          question: poll.question,
          options: poll.options,
          counts: pollCounts(poll),
          openedAtMs: poll.openedAtMs,
          closedAtMs: poll.closedAtMs,
        }
      : null,
  };
}

/** One visitor's own part: the questions they asked, those they upvoted, their vote in the latest poll. */
export function mineOf(book: QnaBook, visitorId: string): QnaMine {
  const asked: string[] = [];
  const voted: string[] = [];
  for (const q of book.questions.values()) {
    if (q.hidden) continue;
    if (q.visitorId === visitorId) asked.push(q.id);
    if (q.voters.has(visitorId)) voted.push(q.id);
  }
  const poll = latestPoll(book);
  const option = poll?.votes.get(visitorId);
  return { eventId: book.eventId, asked, voted, poll: poll && option !== undefined ? { pollId: poll.id, option } : null };
}
