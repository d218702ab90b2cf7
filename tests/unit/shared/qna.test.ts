import { describe, expect, it } from 'vitest';
import { QnaHost, rankQuestions } from '../../../shared/qna.ts';

const q = (id: string, votes: number, askedAtMs: number) => ({ id, votes, askedAtMs });

describe('rankQuestions', () => {
  it('puts the most upvoted first, then the earlier question, then by id', () => {
    const ranked = rankQuestions([
      q('late-popular', 3, 300),
      q('early', 1, 100),
      q('later', 1, 200),
      q('b-tie', 1, 100),
      q('top', 5, 900),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['top', 'late-popular', 'b-tie', 'early', 'later']);
  });

  it('does not reorder the list it is given', () => {
    const list = [q('a', 0, 2), q('b', 9, 1)];
    rankQuestions(list);
    expect(list.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('QnaHost', () => {
  it('takes a poll of 2-4 options and no more', () => {
    const poll = (options: string[]) =>
      QnaHost.safeParse({ eventId: 'launch-1', action: 'openPoll', question: 'Which?', options });
    expect(poll(['A']).success).toBe(false);
    expect(poll(['A', 'B']).success).toBe(true);
    expect(poll(['A', 'B', 'C', 'D']).success).toBe(true);
    expect(poll(['A', 'B', 'C', 'D', 'E']).success).toBe(false);
  });

  it('refuses an unknown action or a field it does not know', () => {
    expect(QnaHost.safeParse({ eventId: 'launch-1', action: 'delete' }).success).toBe(false);
    expect(QnaHost.safeParse({ eventId: 'launch-1', action: 'done', questionId: 'AbCdEfGh1234' }).success).toBe(false);
  });
});
