import { describe, expect, it } from 'vitest';
import { isOlderJoin } from '../../../../../server/features/presence/takeover.ts';

const join = (sessionId: string, at: number) => ({ visitorId: 'v_1', sessionId, at });

describe('which connection gives way to a newer join of the same visitor', () => {
  it('the earlier join gives way; a session never gives way to itself', () => {
    expect(isOlderJoin(join('a', 1), join('b', 2))).toBe(true);
    expect(isOlderJoin(join('b', 2), join('a', 1))).toBe(false);
    expect(isOlderJoin(join('a', 1), join('a', 1))).toBe(false);
  });

  it('two joins in the same millisecond: exactly one of the two gives way, whichever is heard first', () => {
    const [x, y] = [join('s1', 5), join('s2', 5)];
    expect([isOlderJoin(x, y), isOlderJoin(y, x)].filter(Boolean)).toHaveLength(1);
  });
});
