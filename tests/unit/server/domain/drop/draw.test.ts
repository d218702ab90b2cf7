import { describe, expect, it } from 'vitest';
import { drawOrder, type RandomInt } from '../../../../../server/domain/drop/draw.ts';
import { chiSquareUniform } from './chiSquare.ts';

/** The 24 orders of four entrants, counted over `draws` draws by `shuffle`. */
function orderCounts(shuffle: (items: string[]) => string[], draws: number): number[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const key = shuffle(['a', 'b', 'c', 'd']).join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values(), ...Array.from({ length: 24 - counts.size }, () => 0)];
}

/** Chi-square critical value for 23 degrees of freedom at α = 0.001: a fair shuffle fails 1 run in 1,000. */
const CRITICAL_23_DF = 49.73;

describe('drawOrder', () => {
  it('is a permutation of the entrants and leaves the input alone', () => {
    const entrants = Array.from({ length: 500 }, (_, i) => `v${i}`);
    const order = drawOrder(entrants);
    expect(order).toHaveLength(500);
    expect(new Set(order)).toEqual(new Set(entrants));
    expect(entrants[0]).toBe('v0');
  });

  it('swaps each place with one drawn from the places not yet fixed (Fisher–Yates)', () => {
    const asked: number[] = [];
    const first: RandomInt = (max) => {
      asked.push(max);
      return 0;
    };
    expect(drawOrder(['a', 'b', 'c', 'd'], first)).toEqual(['b', 'c', 'd', 'a']);
    expect(asked).toEqual([4, 3, 2]);
  });

  it('makes every order equally likely (chi-square over 48,000 draws; a fair draw fails 1 run in 1,000)', () => {
    const stat = chiSquareUniform(orderCounts((items) => drawOrder(items), 48_000));
    expect(stat).toBeLessThan(CRITICAL_23_DF);
  });

  it('the same test catches the classic biased shuffle (every swap over the whole range)', () => {
    const biased = (items: string[]) => {
      const order = [...items];
      for (let i = 0; i < order.length; i++) {
        const j = Math.floor(Math.random() * order.length);
        [order[i], order[j]] = [order[j] as string, order[i] as string];
      }
      return order;
    };
    expect(chiSquareUniform(orderCounts(biased, 48_000))).toBeGreaterThan(CRITICAL_23_DF);
  });
});
