import { describe, expect, it } from 'vitest';
import type { QnaMine, QnaSnapshot } from '../../../../../shared/qna.ts';
import { pollView, questionItems, screenContent, shownQna } from '../../../../../client/ui/qna/qnaLogic.ts';

const question = (id: string, votes: number) => ({
  id,
  askerName: `asker ${id}`,
  text: `question ${id}`,
  votes,
  askedAtMs: 1,
  pickedAtMs: null,
  answeredAtMs: null,
});

const snapshot = (fields: Partial<QnaSnapshot> = {}): QnaSnapshot => ({
  eventId: 'launch-1',
  seq: 1,
  questions: [question('q-aaaaaaaa', 3), question('q-bbbbbbbb', 1), question('q-cccccccc', 0)],
  onScreen: null,
  answered: [],
  poll: null,
  ...fields,
});

const mine = (fields: Partial<QnaMine> = {}): QnaMine => ({ eventId: 'launch-1', asked: [], voted: [], poll: null, ...fields });

describe('questionItems', () => {
  it("keeps the server's ranking and marks the visitor's own and upvoted questions", () => {
    const items = questionItems(snapshot(), mine({ asked: ['q-bbbbbbbb'], voted: ['q-aaaaaaaa'] }));
    expect(items.map((q) => [q.id, q.mine, q.voted, q.canUpvote])).toEqual([
      ['q-aaaaaaaa', false, true, false],
      ['q-bbbbbbbb', true, false, false],
      ['q-cccccccc', false, false, true],
    ]);
  });

  it("ignores a visitor's part of another event", () => {
    const items = questionItems(snapshot(), mine({ eventId: 'other-launch', asked: ['q-aaaaaaaa'] }));
    expect(items.every((q) => !q.mine && q.canUpvote)).toBe(true);
  });
});

describe('shownQna', () => {
  it("is the room's Q&A only while it is the shown event's", () => {
    expect(shownQna(snapshot(), 'launch-1')).not.toBeNull();
    expect(shownQna(snapshot(), 'launch-2')).toBeNull();
    expect(shownQna(snapshot(), undefined)).toBeNull();
  });
});

describe('pollView', () => {
  const poll = {
    id: 'poll-aaaaaaaa',
    question: 'Which?',
    options: ['A', 'B', 'C'],
    counts: [1, 3, 0],
    openedAtMs: 0,
    closedAtMs: null,
  };

  it('gives each option its share of the votes; the visitor may vote until they did', () => {
    const view = pollView(poll, null);
    expect(view?.options.map((o) => [o.label, o.count, o.share])).toEqual([
      ['A', 1, 0.25],
      ['B', 3, 0.75],
      ['C', 0, 0],
    ]);
    expect(view?.total).toBe(4);
    expect(view?.canVote).toBe(true);
    const voted = pollView(poll, mine({ poll: { pollId: 'poll-aaaaaaaa', option: 1 } }));
    expect(voted?.canVote).toBe(false);
    expect(voted?.options.map((o) => o.chosen)).toEqual([false, true, false]);
  });

  it('shows shares of 0 before anyone voted, and no vote once closed', () => {
    expect(pollView({ ...poll, counts: [0, 0, 0] }, null)?.options.map((o) => o.share)).toEqual([0, 0, 0]);
    expect(pollView({ ...poll, closedAtMs: 5 }, null)?.canVote).toBe(false);
  });
});

describe('screenContent', () => {
  it('shows the picked question first, else the latest poll, else nothing', () => {
    const poll = {
      id: 'poll-aaaaaaaa',
      question: 'Which?',
      options: ['A', 'B'],
      counts: [0, 1],
      openedAtMs: 0,
      closedAtMs: null,
    };
    expect(screenContent(snapshot({ onScreen: question('q-dddddddd', 2), poll }))).toMatchObject({
      kind: 'question',
      question: { askerName: 'asker q-dddddddd' },
    });
    expect(screenContent(snapshot({ poll }))).toMatchObject({ kind: 'poll', poll: { question: 'Which?' } });
    expect(screenContent(snapshot())).toBeNull();
    expect(screenContent(null)).toBeNull();
  });
});
