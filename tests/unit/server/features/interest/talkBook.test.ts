import { describe, expect, it } from 'vitest';
import { createTalkBook } from '../../../../../server/features/interest/talkBook.ts';

describe('talk book', () => {
  it('remembers both sides of a talk for the memory, then forgets it', () => {
    const book = createTalkBook(1000);
    book.record('a', ['b', 'c', 'a'], 0);
    expect([...book.partnersOf('a', 500)].sort()).toEqual(['b', 'c']);
    expect([...book.partnersOf('b', 1000)]).toEqual(['a']);
    expect(book.partnersOf('b', 1001).size).toBe(0);
  });

  it('refreshes a pair on every talk and drops a visitor who left from everyone', () => {
    const book = createTalkBook(1000);
    book.record('a', ['b'], 0);
    book.record('b', ['a'], 900);
    expect(book.partnersOf('a', 1800).has('b')).toBe(true);
    book.record('c', ['a'], 1800);
    book.forget('a');
    expect(book.partnersOf('b', 1800).size).toBe(0);
    expect(book.partnersOf('c', 1800).size).toBe(0);
  });
});
