import { describe, expect, it } from 'vitest';
import { REACTION_RISE_M, REACTION_START_M, reactionMotion } from '../../../../client/scene/bubbleMotion.ts';
import { REACTION_FLOAT_MS } from '../../../../client/state/chatSlice.ts';

const at = (ms: number) => reactionMotion(ms, 1, { dx: 0, dy: 0, scale: 0 });

describe('reactionMotion', () => {
  it('rises from the start height, full size mid-way, gone after the float time', () => {
    expect(at(0)).toMatchObject({ dy: REACTION_START_M, scale: 0 });
    const mid = at(REACTION_FLOAT_MS / 2);
    expect(mid.scale).toBe(1);
    expect(mid.dy).toBeGreaterThan(REACTION_START_M);
    expect(at(REACTION_FLOAT_MS - 1).dy).toBeCloseTo(REACTION_START_M + REACTION_RISE_M, 2);
    expect(at(REACTION_FLOAT_MS - 200).scale).toBeCloseTo(0.5, 5);
    expect(at(REACTION_FLOAT_MS).scale).toBe(0);
    expect(at(-5).scale).toBe(0);
  });

  it('only ever goes up', () => {
    let last = -Infinity;
    for (let ms = 0; ms < REACTION_FLOAT_MS; ms += 100) {
      const { dy } = at(ms);
      expect(dy).toBeGreaterThanOrEqual(last);
      last = dy;
    }
  });
});
