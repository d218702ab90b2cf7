import { describe, expect, it } from 'vitest';
import { qnaBoardLines, wrapLines } from '../../../../../client/scene/match/qnaBoardCanvas.ts';
import { pollView } from '../../../../../client/ui/qna/qnaLogic.ts';

/** One unit per code point: a monospace stand-in for canvas measureText. */
const measure = (s: string) => [...s].length;

describe('wrapLines', () => {
  it('breaks at spaces within the width', () => {
    expect(wrapLines('will it come in wide sizes', 12, 5, measure)).toEqual(['will it come', 'in wide', 'sizes']);
  });

  it('breaks Chinese between characters', () => {
    expect(wrapLines('这双鞋有宽楦版本吗', 4, 5, measure)).toEqual(['这双鞋有', '宽楦版本', '吗']);
  });

  it('keeps at most maxLines, the last one ending in an ellipsis within the width', () => {
    const lines = wrapLines('one two three four five six seven', 9, 2, measure);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(measure(lines[1] ?? '')).toBeLessThanOrEqual(9);
  });
});

describe('qnaBoardLines', () => {
  const labels = {
    questionFrom: (name: string) => `Question from ${name}`,
    poll: 'Poll',
    final: 'Final results',
    votes: (n: number) => `${n} votes`,
  };

  it('names the asker over the picked question', () => {
    expect(qnaBoardLines({ kind: 'question', question: { askerName: 'Ada', text: 'Wide sizes?' } }, labels)).toEqual([
      'Question from Ada',
      'Wide sizes?',
    ]);
  });

  it('lists every option with its live count, and says when the results are final', () => {
    const poll = {
      id: 'poll-aaaaaaaa',
      question: 'Which?',
      options: ['Black', 'Red'],
      counts: [2, 5],
      openedAtMs: 0,
      closedAtMs: null,
    };
    const open = pollView(poll, null);
    const closed = pollView({ ...poll, closedAtMs: 1 }, null);
    expect(open && qnaBoardLines({ kind: 'poll', poll: open }, labels)).toEqual([
      'Poll: Which?',
      'Black · 2 votes',
      'Red · 5 votes',
    ]);
    expect(closed && qnaBoardLines({ kind: 'poll', poll: closed }, labels)[0]).toBe('Final results: Which?');
    expect(qnaBoardLines(null, labels)).toEqual([]);
  });
});
