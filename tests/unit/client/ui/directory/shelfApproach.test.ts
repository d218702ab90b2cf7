import { describe, expect, it } from 'vitest';
import { floorDistance, SHOW_ME_DISTANCE, shelfApproach } from '../../../../../client/ui/directory/shelfApproach.ts';
import { arenaWalkArea, isWalkable } from '../../../../../client/xr/collision.ts';
import { startShowMeWalk, stepShowMeWalk, teleportRigHead } from '../../../../../client/xr/showMeWalk.ts';
import { catalog, product } from '../../support/catalog.ts';

const area = arenaWalkArea();

describe('shelfApproach', () => {
  it('stands every product within hand reach, on walkable floor, facing it', () => {
    for (const p of catalog.products) {
      const a = shelfApproach(p)!;
      expect(a, p.id).not.toBeNull();
      expect(floorDistance(a, a.product)).toBeCloseTo(SHOW_ME_DISTANCE, 6);
      expect(isWalkable(area, a), p.id).toBe(true);
      // Looking along yaw (three.js: -z at 0) points at the product.
      const lookX = a.x - Math.sin(a.yaw) * SHOW_ME_DISTANCE;
      const lookZ = a.z - Math.cos(a.yaw) * SHOW_ME_DISTANCE;
      expect(floorDistance({ x: lookX, z: lookZ }, a.product)).toBeLessThan(1e-6);
      expect(a.pitch).toBeLessThan(0);
    }
  });

  it('gives nothing for a product on no shelf', () => {
    expect(shelfApproach({ ...product('headband'), shelf: { index: 9, slot: 0 } })).toBeNull();
  });
});

describe('the Show me walk', () => {
  it('walks from center court to a far shelf and ends on the approach facing the product', () => {
    const target = shelfApproach(product('water-bottle'))!;
    const pose = { x: -3, z: -2, yaw: 0, pitch: 0 };
    const walk = startShowMeWalk(pose, target);
    let frames = 0;
    while (!walk.done && frames < 1000) {
      stepShowMeWalk(walk, pose, 1 / 60, area);
      frames++;
    }
    expect(walk.done).toBe(true);
    expect(pose).toEqual({ x: target.x, z: target.z, yaw: target.yaw, pitch: target.pitch });
    expect(frames).toBeGreaterThan(60);
  });

  it('teleports the rest of the way when a shelf blocks the straight line', () => {
    // Behind the shoe shelf (between it and the bowl's wall), heading for the jersey shelf's far side.
    const target = shelfApproach(product('court-runner-2'))!;
    const pose = { x: -7, z: -15.5, yaw: 0, pitch: 0 };
    expect(isWalkable(area, pose)).toBe(true);
    const walk = startShowMeWalk(pose, target);
    for (let i = 0; i < 600 && !walk.done; i++) stepShowMeWalk(walk, pose, 1 / 60, area);
    expect(walk.done).toBe(true);
    expect(floorDistance(pose, target)).toBe(0);
  });
});

describe('teleportRigHead', () => {
  it('moves and turns the XR origin so the head stands on the approach, facing the product', () => {
    const target = shelfApproach(product('pro-game-ball'))!;
    const rig = { x: 2, z: 1, yaw: 0.7 };
    // The head 0.4 m right and 0.2 m ahead of the origin's centre, looking 0.3 rad off the origin's yaw.
    const local = { x: 0.4, z: -0.2 };
    const world = (r: typeof rig) => ({
      x: r.x + local.x * Math.cos(r.yaw) + local.z * Math.sin(r.yaw),
      z: r.z - local.x * Math.sin(r.yaw) + local.z * Math.cos(r.yaw),
    });
    const head = { ...world(rig), yaw: rig.yaw + 0.3 };
    teleportRigHead(rig, head, target);
    const after = world(rig);
    expect(after.x).toBeCloseTo(target.x, 6);
    expect(after.z).toBeCloseTo(target.z, 6);
    expect(rig.yaw + 0.3).toBeCloseTo(target.yaw, 6);
  });
});
