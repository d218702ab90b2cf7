import { describe, expect, it } from 'vitest';
import { Quaternion, Vector3 } from 'three';
import type { Pose } from '../../../../../client/xr/grab/grabLogic.ts';
import { createProductGrab, type HandPose } from '../../../../../client/xr/grab/productGrab.ts';

const hand = (x: number, y: number, z: number): HandPose => ({ position: new Vector3(x, y, z), quaternion: new Quaternion() });
const slot: Pose = { position: new Vector3(0, 1, -2), quaternion: new Quaternion(), scale: 1 };

function poses(grab: ReturnType<typeof createProductGrab>, delta = 1 / 72) {
  const seen: Record<string, { position: number[]; scale: number }> = {};
  grab.step(delta, (id, p) => {
    seen[id] = { position: p.position.toArray(), scale: p.scale };
  });
  return seen;
}

describe('product grab', () => {
  it('carries the product with one hand, scales it with two, and flies it home on release', () => {
    const grab = createProductGrab((id) => (id === 'shoe' ? slot : undefined), 0.2);
    expect(grab.grab('shoe', 1, hand(0, 1, -1.9), { ...slot, position: slot.position.clone() })).toBe(true);
    grab.move(1, hand(0.5, 1.2, -1.4));
    expect(poses(grab).shoe?.position).toEqual([0.5, 1.2, -1.5]);

    expect(grab.grab('shoe', 2, hand(0.7, 1.2, -1.4), { ...slot })).toBe(true);
    grab.move(2, hand(0.9, 1.2, -1.4));
    expect(poses(grab).shoe?.scale).toBeCloseTo(2);
    grab.move(2, hand(5, 1.2, -1.4));
    expect(poses(grab).shoe?.scale).toBe(3);

    grab.release(2);
    grab.release(1);
    expect(grab.heldProductId()).toBeNull();
    const halfway = poses(grab, 0.05).shoe;
    expect(halfway?.scale).toBeGreaterThan(1);
    const home = poses(grab, 1).shoe;
    expect(home).toEqual({ position: [0, 1, -2], scale: 1 });
    expect(poses(grab)).toEqual({});
  });

  it('holds one product at a time', () => {
    const grab = createProductGrab(() => slot);
    expect(grab.grab('shoe', 1, hand(0, 1, -1.9), { ...slot })).toBe(true);
    expect(grab.grab('ball', 2, hand(1, 1, -1.9), { ...slot })).toBe(false);
    expect(grab.holds(2)).toBe(false);
  });

  it('keeps the product in the other hand when the first lets go', () => {
    const grab = createProductGrab(() => slot);
    grab.grab('shoe', 1, hand(0, 1, -1.9), { ...slot });
    grab.grab('shoe', 2, hand(0.2, 1, -1.9), { ...slot });
    grab.release(1);
    expect(grab.heldProductId()).toBe('shoe');
    grab.move(2, hand(1.2, 1, -1.9));
    expect(poses(grab).shoe?.position[0]).toBeCloseTo(1);
  });
});
