import { describe, expect, it } from 'vitest';
import {
  type BookPoll,
  type BookQuestion,
  emptyBook,
  mayAsk,
  mayOpenPoll,
  mayPick,
  mayPollVote,
  mayVote,
  mineOf,
  snapshotOf,
} from '../../../../../server/domain/qna/book.ts';
import { OPEN_QUESTIONS_PER_VISITOR, QNA_LIST_LIMIT, QNA_REJECTION } from '../../../../../shared/qna.ts';

function question(id: string, visitorId: string, fields: Partial<BookQuestion> = {}): BookQuestion {
  return {
    id,
    visitorId,
    askerName: `name of ${visitorId}`,
    text: `text ${id}`,
    askedAtMs: 1000,
    pickedAtMs: null,
    answeredAtMs: null,
    hidden: false,
    voters: new Set(),
    ...fields,
  };
}

function bookWith(...questions: BookQuestion[]) {
  const book = emptyBook('launch-1');
  for (const q of questions) book.questions.set(q.id, q);
  return book;
}

function poll(fields: Partial<BookPoll> = {}): BookPoll {
  return {
    id: 'poll-0001',
    question: 'Which?',
    options: ['A', 'B'],
    openedAtMs: 0,
    closedAtMs: null,
    votes: new Map(),
    ...fields,
  };
}

describe('upvotes', () => {
  it('one per visitor, never on their own, answered or hidden questions', () => {
    const book = bookWith(
      question('q1', 'ann', { voters: new Set(['bob']) }),
      question('q2', 'ann', { answeredAtMs: 5 }),
      question('q3', 'ann', { hidden: true }),
    );
    expect(mayVote(book, 'cat', 'q1')).toBeUndefined();
    expect(mayVote(book, 'bob', 'q1')).toBe(QNA_REJECTION.alreadyVoted);
    expect(mayVote(book, 'ann', 'q1')).toBe(QNA_REJECTION.ownQuestion);
    expect(mayVote(book, 'cat', 'q2')).toBe(QNA_REJECTION.answered);
    expect(mayVote(book, 'cat', 'q3')).toBe(QNA_REJECTION.unknownQuestion);
    expect(mayVote(book, 'cat', 'nope')).toBe(QNA_REJECTION.unknownQuestion);
  });
});

describe('asking', () => {
  it(`allows ${OPEN_QUESTIONS_PER_VISITOR} waiting questions per visitor; answered ones do not count`, () => {
    const mine = Array.from({ length: OPEN_QUESTIONS_PER_VISITOR }, (_, i) => question(`q${i}`, 'ann'));
    const book = bookWith(...mine);
    expect(mayAsk(book, 'ann')).toBe(QNA_REJECTION.tooManyOpen);
    expect(mayAsk(book, 'bob')).toBeUndefined();
    (mine[0] as BookQuestion).answeredAtMs = 10;
    expect(mayAsk(book, 'ann')).toBeUndefined();
  });
});

describe('the snapshot', () => {
  it('ranks waiting questions by votes, shows the picked one apart, lists answered newest first, and never names a visitor id', () => {
    const book = bookWith(
      question('old', 'ann', { askedAtMs: 1 }),
      question('hot', 'bob', { askedAtMs: 9, voters: new Set(['x', 'y']) }),
      question('screen', 'cat', { pickedAtMs: 20 }),
      question('done1', 'dan', { pickedAtMs: 5, answeredAtMs: 6 }),
      question('done2', 'dan', { pickedAtMs: 7, answeredAtMs: 8 }),
      question('gone', 'eve', { hidden: true }),
    );
    const s = snapshotOf(book, 4);
    expect(s.seq).toBe(4);
    expect(s.questions.map((q) => [q.id, q.votes])).toEqual([
      ['hot', 2],
      ['old', 0],
    ]);
    expect(s.onScreen).toMatchObject({ id: 'screen', askerName: 'name of cat' });
    expect(s.answered.map((q) => q.id)).toEqual(['done2', 'done1']);
    expect(JSON.stringify(s)).not.toMatch(/"(ann|bob|cat|dan|eve)"/);
  });

  it(`carries at most ${QNA_LIST_LIMIT} waiting questions, the best ranked`, () => {
    const many = Array.from({ length: QNA_LIST_LIMIT + 5 }, (_, i) => question(`q${i}`, `v${i}`, { askedAtMs: i }));
    const best = question('best', 'z', { askedAtMs: 999, voters: new Set(['a']) });
    const s = snapshotOf(bookWith(...many, best), 1);
    expect(s.questions).toHaveLength(QNA_LIST_LIMIT);
    expect(s.questions[0]?.id).toBe('best');
  });

  it('counts poll votes per option, and tells each visitor their own part', () => {
    const book = bookWith(question('q1', 'ann', { voters: new Set(['bob']) }));
    book.polls.push(
      poll({
        options: ['A', 'B', 'C'],
        votes: new Map([
          ['ann', 2],
          ['bob', 2],
          ['cat', 0],
        ]),
      }),
    );
    expect(snapshotOf(book, 1).poll?.counts).toEqual([1, 0, 2]);
    expect(mineOf(book, 'ann')).toEqual({
      eventId: 'launch-1',
      asked: ['q1'],
      voted: [],
      poll: { pollId: 'poll-0001', option: 2 },
    });
    expect(mineOf(book, 'bob')).toMatchObject({ asked: [], voted: ['q1'] });
    expect(mineOf(book, 'dan').poll).toBeNull();
  });
});

describe('host rules', () => {
  it('picks only a shown, unanswered question', () => {
    const book = bookWith(question('q1', 'a'), question('q2', 'a', { answeredAtMs: 1 }), question('q3', 'a', { hidden: true }));
    expect(mayPick(book, 'q1')).toBeUndefined();
    expect(mayPick(book, 'q2')).toBe(QNA_REJECTION.answered);
    expect(mayPick(book, 'q3')).toBe(QNA_REJECTION.unknownQuestion);
  });

  it('opens one poll at a time, with distinct non-empty options', () => {
    const book = bookWith();
    expect(mayOpenPoll(book, 'Which?', ['Red', 'red'])).toBe(QNA_REJECTION.badPoll);
    expect(mayOpenPoll(book, 'Which?', ['Red', ''])).toBe(QNA_REJECTION.badPoll);
    expect(mayOpenPoll(book, '', ['Red', 'Blue'])).toBe(QNA_REJECTION.empty);
    expect(mayOpenPoll(book, 'Which?', ['Red', 'Blue'])).toBeUndefined();
    book.polls.push(poll());
    expect(mayOpenPoll(book, 'Which?', ['Red', 'Blue'])).toBe(QNA_REJECTION.pollOpen);
    (book.polls[0] as BookPoll).closedAtMs = 5;
    expect(mayOpenPoll(book, 'Which?', ['Red', 'Blue'])).toBeUndefined();
  });

  it('takes one vote per visitor in the latest open poll, for an option it has', () => {
    const book = bookWith();
    expect(mayPollVote(book, 'ann', 'poll-0001', 0)).toBe(QNA_REJECTION.noPoll);
    book.polls.push(poll({ votes: new Map([['bob', 1]]) }));
    expect(mayPollVote(book, 'ann', 'poll-0001', 1)).toBeUndefined();
    expect(mayPollVote(book, 'ann', 'poll-0001', 2)).toBe(QNA_REJECTION.badOption);
    expect(mayPollVote(book, 'bob', 'poll-0001', 0)).toBe(QNA_REJECTION.alreadyVoted);
    expect(mayPollVote(book, 'ann', 'other-poll', 0)).toBe(QNA_REJECTION.noPoll);
    (book.polls[0] as BookPoll).closedAtMs = 9;
    expect(mayPollVote(book, 'ann', 'poll-0001', 1)).toBe(QNA_REJECTION.noPoll);
  });
});
