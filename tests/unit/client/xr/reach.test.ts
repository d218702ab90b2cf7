import { describe, expect, it } from 'vitest';
import { SHELVES, slotPosition } from '../../../../shared/arena.ts';
import { arenaWalkArea, isWalkable } from '../../../../client/xr/collision.ts';
import { approachPose, PICK_REACH, reachAction, teleportRig } from '../../../../client/xr/reach.ts';

describe('reach decision', () => {
  it('uses a product within 14 m, on a screen and in a headset', () => {
    expect(reachAction(2, 'screen')).toBe('use');
    expect(reachAction(PICK_REACH, 'xr')).toBe('use');
  });

  it('offers to walk on a screen and to teleport in a headset beyond reach', () => {
    expect(reachAction(PICK_REACH + 0.01, 'screen')).toBe('walk');
    expect(reachAction(30, 'xr')).toBe('teleport');
  });

  it('never counts a missing distance as within reach', () => {
    expect(reachAction(Number.NaN, 'screen')).toBe('walk');
    expect(reachAction(-1, 'xr')).toBe('teleport');
  });

  it('takes a custom reach', () => {
    expect(reachAction(5, 'screen', 4)).toBe('walk');
  });
});

describe('approach pose', () => {
  const area = arenaWalkArea();

  it('stands on the walkable floor in front of every slot, within reach, facing the product', () => {
    for (const shelf of SHELVES) {
      for (let slot = 0; slot < shelf.slots; slot++) {
        const pose = approachPose(shelf.index, slot)!;
        const p = slotPosition(shelf, slot);
        expect(isWalkable(area, pose)).toBe(true);
        const d = Math.hypot(p.x - pose.x, p.z - pose.z);
        expect(reachAction(d, 'screen')).toBe('use');
        expect(d).toBeGreaterThan(1);
        // Looking along yaw (three's cameras look down -z) points at the product.
        const look = { x: -Math.sin(pose.yaw), z: -Math.cos(pose.yaw) };
        expect((look.x * (p.x - pose.x) + look.z * (p.z - pose.z)) / d).toBeCloseTo(1, 5);
        expect(pose.pitch).toBeLessThan(0);
      }
    }
  });

  it('has no pose for a slot that is not on a shelf', () => {
    expect(approachPose(9, 0)).toBeNull();
    expect(approachPose(0, 4)).toBeNull();
  });
});

describe('teleporting a headset visitor', () => {
  /** Where the head is in the world, for a head at `local` in the play space of a rig. */
  const headIn = (rig: { x: number; z: number; yaw: number }, local: { x: number; z: number; yaw: number }) => ({
    x: rig.x + local.x * Math.cos(rig.yaw) + local.z * Math.sin(rig.yaw),
    z: rig.z - local.x * Math.sin(rig.yaw) + local.z * Math.cos(rig.yaw),
    yaw: rig.yaw + local.yaw,
  });

  it('puts the head, wherever it stands in the room, on the target and facing its way', () => {
    const rig = { x: 3, z: -2, yaw: 0.7 };
    const local = { x: 0.4, z: -0.9, yaw: -0.3 };
    const target = approachPose(2, 1)!;
    teleportRig(rig, headIn(rig, local), target);
    const head = headIn(rig, local);
    expect(head.x).toBeCloseTo(target.x, 6);
    expect(head.z).toBeCloseTo(target.z, 6);
    expect(Math.cos(head.yaw - target.yaw)).toBeCloseTo(1, 6);
  });
});
