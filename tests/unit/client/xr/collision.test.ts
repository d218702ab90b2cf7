import { describe, expect, it } from 'vitest';
import { ARENA, SHELVES, spawnPoint } from '../../../../shared/arena.ts';
import { arenaWalkArea, isWalkable, shelfFootprint, slideMove, stanchionFootprints } from '../../../../client/xr/collision.ts';

const area = arenaWalkArea();
const walk = (x: number, z: number, dx: number, dz: number) => slideMove(area, { x, z }, dx, dz, { x: 0, z: 0 });

describe('walking collision', () => {
  it('keeps a visitor on the floor however far they push toward the stands', () => {
    const end = walk(0, 0, 0, 100);
    expect(end.z).toBeCloseTo(ARENA.floor.halfZ - ARENA.visitorRadius, 3);
    const corner = walk(0, 0, 100, 100);
    expect(isWalkable(area, corner)).toBe(true);
    // The rounded corner is respected: the visitor stops short of the bounding box's corner.
    expect(Math.abs(corner.x) < ARENA.floor.halfX - 1 || Math.abs(corner.z) < ARENA.floor.halfZ - 1).toBe(true);
  });

  it('stops a visitor at a shelf front instead of walking into it', () => {
    const shelf = SHELVES[0]!;
    const box = shelfFootprint(shelf);
    const end = walk(shelf.x, 0, 0, -30);
    expect(end.z).toBeCloseTo(box.maxZ + ARENA.visitorRadius, 3);
    expect(end.x).toBeCloseTo(shelf.x, 6);
  });

  it('never lets a visitor step inside a hoop stanchion, even with one huge step', () => {
    for (const box of stanchionFootprints()) {
      const cx = (box.minX + box.maxX) / 2;
      const end = walk(0, 0, cx, 0);
      const stop = cx > 0 ? box.minX - ARENA.visitorRadius : box.maxX + ARENA.visitorRadius;
      expect(end.x).toBeCloseTo(stop, 3);
      expect(isWalkable(area, end)).toBe(true);
    }
  });

  it('slides along the side wall when walking into it at an angle', () => {
    const start = { x: 0, z: ARENA.floor.halfZ - ARENA.visitorRadius - 0.01 };
    const end = slideMove(area, start, 2, 2, { x: 0, z: 0 });
    expect(end.x).toBeCloseTo(2, 2);
    expect(end.z).toBeCloseTo(ARENA.floor.halfZ - ARENA.visitorRadius, 3);
  });

  it('slides along a shelf front when walking diagonally into it', () => {
    const shelf = SHELVES[1]!;
    const box = shelfFootprint(shelf);
    const start = { x: shelf.x, z: box.maxZ + ARENA.visitorRadius + 0.05 };
    const end = slideMove(area, start, 1, -1, { x: 0, z: 0 });
    expect(end.x).toBeCloseTo(shelf.x + 1, 2);
    expect(end.z).toBeCloseTo(box.maxZ + ARENA.visitorRadius, 3);
  });

  it('spawns every visitor somewhere walkable', () => {
    for (let seed = 0; seed < 360; seed += 7) {
      const p = spawnPoint(seed);
      expect(isWalkable(area, p)).toBe(true);
    }
  });
});

describe('walking collision with the launch stage', () => {
  const stage = { up: false };
  const withStage = arenaWalkArea(() => stage.up);
  const walkStage = (x: number, z: number, dx: number, dz: number) => slideMove(withStage, { x, z }, dx, dz, { x: 0, z: 0 });
  const edge = ARENA.stage.radius + ARENA.visitorRadius;

  it('lets visitors walk across center court while the stage is down', () => {
    stage.up = false;
    const end = walkStage(-6, 0, 12, 0);
    expect(end.x).toBeCloseTo(6, 6);
    expect(isWalkable(withStage, { x: 0, z: 0 })).toBe(true);
  });

  it('stops a visitor at the raised stage and slides them round it', () => {
    stage.up = true;
    const end = walkStage(-6, 0, 12, 0);
    expect(end.x).toBeCloseTo(-edge, 3);
    expect(isWalkable(withStage, { x: 0, z: 0 })).toBe(false);
    const slid = walkStage(-6, 0.5, 12, 0);
    expect(Math.hypot(slid.x, slid.z)).toBeGreaterThanOrEqual(edge - 1e-6);
  });

  it('steps a visitor off the stage that rose under them', () => {
    stage.up = true;
    const out = walkStage(0, 0, 0, 0);
    expect(Math.hypot(out.x, out.z)).toBeCloseTo(edge, 3);
    expect(isWalkable(withStage, out)).toBe(true);
  });
});
