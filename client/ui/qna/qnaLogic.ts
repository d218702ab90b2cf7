import type { QnaMine, QnaPoll, QnaQuestion, QnaSnapshot } from '../../../shared/qna.ts';

/** A waiting question as the list shows it. */
export interface QuestionItem {
  id: string;
  text: string;
  askerName: string;
  votes: number;
  /** Asked by this visitor (marked "yours"; it cannot be upvoted by them). */
  mine: boolean;
  /** Upvoted by this visitor already. */
  voted: boolean;
  canUpvote: boolean;
}

/** One option of a poll with its live result. */
export interface PollOptionView {
  index: number;
  label: string;
  count: number;
  /** Share of all votes, 0–1 (0 when nobody voted yet). */
  share: number;
  /** This visitor's vote. */
  chosen: boolean;
}

export interface PollView {
  id: string;
  question: string;
  open: boolean;
  total: number;
  options: PollOptionView[];
  /** Open and not voted in by this visitor yet. */
  canVote: boolean;
}

/** The snapshot of the event the arena shows, or null when the room's Q&A is another event's (or none). */
export function shownQna(snapshot: QnaSnapshot | null, eventId: string | undefined): QnaSnapshot | null {
  return snapshot && eventId && snapshot.eventId === eventId ? snapshot : null;
}

/** The waiting questions in the server's ranking, each marked with this visitor's part. */
export function questionItems(snapshot: QnaSnapshot | null, mine: QnaMine | null): QuestionItem[] {
  if (!snapshot) return [];
  const own = mine?.eventId === snapshot.eventId ? mine : null;
  const asked = new Set(own?.asked);
  const voted = new Set(own?.voted);
  return snapshot.questions.map((q) => ({
    id: q.id,
    text: q.text,
    askerName: q.askerName,
    votes: q.votes,
    mine: asked.has(q.id),
    voted: voted.has(q.id),
    canUpvote: !asked.has(q.id) && !voted.has(q.id),
  }));
}

/** A poll's results and whether this visitor may still vote. */
export function pollView(poll: QnaPoll | null, mine: QnaMine | null): PollView | null {
  if (!poll) return null;
  const chosen = mine?.poll?.pollId === poll.id ? mine.poll.option : undefined;
  const total = poll.counts.reduce((a, b) => a + b, 0);
  const open = poll.closedAtMs === null;
  return {
    id: poll.id,
    question: poll.question,
    open,
    total,
    options: poll.options.map((label, index) => {
      const count = poll.counts[index] ?? 0;
      return { index, label, count, share: total === 0 ? 0 : count / total, chosen: chosen === index };
    }),
    canVote: open && chosen === undefined,
  };
}

/** What the big screens show: the question on screen first, else the latest poll's live (or final) results. */
export type ScreenContent =
  | { kind: 'question'; question: Pick<QnaQuestion, 'text' | 'askerName'> }
  | { kind: 'poll'; poll: PollView }
  | null;

export function screenContent(snapshot: QnaSnapshot | null): ScreenContent {
  if (!snapshot) return null;
  if (snapshot.onScreen) return { kind: 'question', question: snapshot.onScreen };
  const poll = pollView(snapshot.poll, null);
  return poll ? { kind: 'poll', poll } : null;
}
