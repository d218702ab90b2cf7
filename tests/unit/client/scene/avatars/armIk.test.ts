import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { ARM, solveArm } from '../../../../../client/scene/avatars/armIk.ts';

const reach = ARM.upper + ARM.fore;
const shoulder = new Vector3(0.2, 1.42, 0);
/** Out to the right, down and back: a right arm's elbow pole. */
const pole = new Vector3(1, -1.2, 0.6);

function solve(target: Vector3) {
  const elbow = new Vector3();
  const wrist = new Vector3();
  const reached = solveArm(shoulder, target, pole, elbow, wrist);
  return { elbow, wrist, reached };
}

describe('two-bone arm IK', () => {
  it('puts the wrist on any target within the arm’s length, keeping both bones their length', () => {
    const targets = [
      new Vector3(0.25, 0.95, -0.05), // hanging by the side
      new Vector3(0.3, 1.4, -0.45), // reaching forward
      new Vector3(0.1, 1.85, -0.1), // raised overhead
      new Vector3(0.0, 1.2, -0.25), // across the body
    ];
    for (const target of targets) {
      expect(target.distanceTo(shoulder)).toBeLessThan(reach);
      const { elbow, wrist, reached } = solve(target);
      expect(reached).toBe(true);
      expect(wrist.distanceTo(target)).toBeLessThan(1e-6);
      expect(elbow.distanceTo(shoulder)).toBeCloseTo(ARM.upper, 6);
      expect(elbow.distanceTo(wrist)).toBeCloseTo(ARM.fore, 6);
    }
  });

  it('points a straight arm at a target out of reach, and says so', () => {
    const target = new Vector3(0.2, 1.42, -2);
    const { elbow, wrist, reached } = solve(target);
    expect(reached).toBe(false);
    expect(wrist.distanceTo(shoulder)).toBeCloseTo(reach, 4);
    // On the line from the shoulder to the target.
    expect(wrist.x).toBeCloseTo(0.2, 3);
    expect(wrist.y).toBeCloseTo(1.42, 3);
    expect(elbow.distanceTo(shoulder) + elbow.distanceTo(wrist)).toBeCloseTo(reach, 4);
  });

  it('bends the elbow outward and down, never into the body or up', () => {
    // Reaching forward at shoulder height: the elbow drops below and out from the shoulder–wrist line.
    const forward = solve(new Vector3(0.2, 1.42, -0.35));
    const mid = shoulder.clone().lerp(forward.wrist, 0.5);
    expect(forward.elbow.y).toBeLessThan(mid.y - 0.05);
    expect(forward.elbow.x).toBeGreaterThan(shoulder.x);
    // Hand in front of the chest: the elbow still points outward, away from the body's centre.
    const chest = solve(new Vector3(0.05, 1.25, -0.2));
    expect(chest.elbow.x).toBeGreaterThan(0.2);
    // A left arm with the mirrored pole bends to the left.
    const leftShoulder = new Vector3(-0.2, 1.42, 0);
    const elbow = new Vector3();
    solveArm(leftShoulder, new Vector3(-0.2, 1.42, -0.35), new Vector3(-1, -1.2, 0.6), elbow, new Vector3());
    expect(elbow.x).toBeLessThan(-0.2);
  });

  it('survives a target on the shoulder itself', () => {
    const { elbow, wrist } = solve(shoulder.clone());
    for (const v of [elbow, wrist]) expect(Number.isFinite(v.x + v.y + v.z)).toBe(true);
    expect(elbow.distanceTo(shoulder)).toBeCloseTo(ARM.upper, 6);
  });
});
