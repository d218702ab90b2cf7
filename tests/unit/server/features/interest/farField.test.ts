import { describe, expect, it } from 'vitest';
import { createFarField, type FarPlayer } from '../../../../../server/features/interest/farField.ts';

const limits = { farPeriodMs: 1000, farWritesPerSecond: 4, farMinMoveCm: 10, farMinTurn: 728 };
const player = (x: number): FarPlayer => ({ x, z: 0, yaw: 0, farX: 0, farZ: 0, farYaw: 0 });

describe('far field', () => {
  it('copies a moved pose into the far pose at most once a period', () => {
    const field = createFarField({ ...limits, farWritesPerSecond: 100 });
    const p = player(500);
    field.tick([['a', p]], 0);
    expect(p.farX).toBe(0);
    expect(field.tick([['a', p]], 250)).toBe(1);
    expect(p.farX).toBe(500);
    p.x = 900;
    expect(field.tick([['a', p]], 750)).toBe(0);
    expect(p.farX).toBe(500);
    expect(field.tick([['a', p]], 1250)).toBe(1);
    expect(p.farX).toBe(900);
  });

  it('leaves small moves alone, but not a turn', () => {
    const field = createFarField({ ...limits, farWritesPerSecond: 100 });
    const p = player(5);
    field.tick([['a', p]], 0);
    expect(field.tick([['a', p]], 500)).toBe(0);
    p.yaw = 65536 - 1000;
    expect(field.tick([['a', p]], 1000)).toBe(1);
    expect(p.farYaw).toBe(65536 - 1000);
  });

  it('takes players in turn within the budget, so a big crowd is refreshed less often but all of it', () => {
    const field = createFarField(limits);
    const crowd = Array.from({ length: 8 }, (_, i) => [`p${i}`, player(100 + i)] as const);
    field.tick(crowd, 0);
    const counts: number[] = [];
    for (let t = 500; t <= 2000; t += 500) counts.push(field.tick(crowd, t));
    // 4 writes a second: 2 per half second, and after 2 s all 8 were refreshed once.
    expect(counts).toEqual([2, 2, 2, 2]);
    expect(crowd.every(([, p]) => p.farX === p.x)).toBe(true);
  });
});
