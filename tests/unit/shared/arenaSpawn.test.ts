import { describe, expect, it } from 'vitest';
import { SHELVES, distanceToNearestShelf, shelfSpawnPoint, spawnPoint } from '../../../shared/arena.ts';

/** The floor point a visitor at a pose looks at `d` metres ahead (yaw 0 looks down -z). */
const ahead = (p: { x: number; z: number; yaw: number }, d: number) => ({
  x: p.x - Math.sin(p.yaw) * d,
  z: p.z - Math.cos(p.yaw) * d,
});

describe('where a headset visitor starts', () => {
  it('is within a few metres of a shelf, for every seed, where the ring around center court is not', () => {
    for (let seed = 0; seed < 400; seed++) {
      const p = shelfSpawnPoint(seed);
      const d = distanceToNearestShelf(p.x, p.z);
      expect(d).toBeGreaterThan(1);
      expect(d).toBeLessThan(3);
    }
    expect(distanceToNearestShelf(spawnPoint(90).x, spawnPoint(90).z)).toBeGreaterThan(8);
  });

  it('faces the shelf: two metres ahead is at the shelf front', () => {
    for (let seed = 0; seed < 40; seed++) {
      const p = shelfSpawnPoint(seed);
      const front = ahead(p, 2);
      expect(distanceToNearestShelf(front.x, front.z)).toBeLessThan(0.5);
    }
  });

  it('spreads arrivals over every shelf and along them', () => {
    const points = Array.from({ length: 20 }, (_, seed) => shelfSpawnPoint(seed));
    const shelves = new Set(
      points.map((p) => SHELVES.findIndex((s) => Math.abs(s.x - p.x) < 4.1 && Math.sign(s.z) === Math.sign(p.z))),
    );
    expect([...shelves].sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(points.map((p) => `${p.x.toFixed(2)},${p.z.toFixed(2)}`)).size).toBe(20);
  });
});
