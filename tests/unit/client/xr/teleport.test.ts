import { describe, expect, it } from 'vitest';
import { SHELVES } from '../../../../shared/arena.ts';
import { arenaWalkArea, shelfFootprint } from '../../../../client/xr/collision.ts';
import { arcFloorHit, arcPoints, isTeleportTarget } from '../../../../client/xr/teleport.ts';

const area = arenaWalkArea();
const here = { x: 0, z: 0 };

describe('teleport arc', () => {
  it('a level throw from chest height lands ahead on the floor, farther when aimed up a little', () => {
    const level = arcFloorHit({ x: 0, y: 1.2, z: 0 }, { x: 0, y: 0, z: -1 });
    expect(level).not.toBeNull();
    expect(level!.x).toBeCloseTo(0);
    expect(level!.z).toBeLessThan(-3);
    const up = arcFloorHit({ x: 0, y: 1.2, z: 0 }, { x: 0, y: 0.3, z: -1 });
    expect(up!.z).toBeLessThan(level!.z);
  });

  it('has no hit without a direction or from below the floor', () => {
    expect(arcFloorHit({ x: 0, y: 1, z: 0 }, { x: 0, y: 0, z: 0 })).toBeNull();
    expect(arcFloorHit({ x: 0, y: -1, z: 0 }, { x: 0, y: 0, z: -1 })).toBeNull();
  });

  it('arc points start at the hand and end on the floor at the hit', () => {
    const origin = { x: 1, y: 1.3, z: 2 };
    const dir = { x: 0.5, y: 0.2, z: -1 };
    const pts = arcPoints(origin, dir, 16);
    const hit = arcFloorHit(origin, dir)!;
    expect(pts).toHaveLength(16);
    expect(pts[0]).toEqual(origin);
    expect(pts[15]!.y).toBeCloseTo(0, 5);
    expect(pts[15]!.x).toBeCloseTo(hit.x);
    expect(pts[15]!.z).toBeCloseTo(hit.z);
  });
});

describe('teleport target validation', () => {
  it('accepts open floor within reach', () => {
    expect(isTeleportTarget(area, here, { x: 3, z: -2 })).toBe(true);
  });

  it('rejects a shelf, a point hugging a shelf, and a point outside the floor (the seats)', () => {
    const shelf = SHELVES[0]!;
    const box = shelfFootprint(shelf);
    expect(isTeleportTarget(area, { x: shelf.x, z: shelf.z + 4 }, { x: shelf.x, z: shelf.z })).toBe(false);
    expect(isTeleportTarget(area, { x: shelf.x, z: shelf.z + 4 }, { x: shelf.x, z: box.maxZ + 0.05 })).toBe(false);
    expect(isTeleportTarget(area, { x: 20, z: 0 }, { x: 26, z: 0 })).toBe(false);
  });

  it('rejects targets beyond reach and NaN', () => {
    expect(isTeleportTarget(area, here, { x: 0, z: 13 })).toBe(false);
    expect(isTeleportTarget(area, here, { x: Number.NaN, z: 0 })).toBe(false);
  });
});
