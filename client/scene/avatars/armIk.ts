import { Vector3 } from 'three';

/** Upper arm (shoulder to elbow) and forearm (elbow to wrist) lengths, in metres. */
export const ARM = { upper: 0.28, fore: 0.26 } as const;

const scratch = { dir: new Vector3(), bend: new Vector3() };

/**
 * Two-bone IK for one arm: places the elbow and wrist so the wrist reaches `target` when it is
 * within the arm's length, and points straight at it from the shoulder when it is not. The elbow
 * bends toward `pole` (a direction, not a point: for a person, out to the side and down), so arms
 * never fold through the body. Bone lengths are kept exactly. Returns whether the target was reached.
 * Writes `elbow` and `wrist`; allocates nothing.
 */
export function solveArm(
  shoulder: Vector3,
  target: Vector3,
  pole: Vector3,
  elbow: Vector3,
  wrist: Vector3,
  upper: number = ARM.upper,
  fore: number = ARM.fore,
): boolean {
  const { dir, bend } = scratch;
  dir.subVectors(target, shoulder);
  const wanted = dir.length();
  // NOTE: a hair short of straight and of fully folded: at either extreme the elbow's side is undefined.
  const reach = Math.min(Math.max(wanted, Math.abs(upper - fore) + 1e-4), upper + fore - 1e-6);
  if (wanted < 1e-6) dir.set(0, -1, 0);
  else dir.divideScalar(wanted);
  // Law of cosines: how far along the shoulder–wrist line the elbow sits, and how far off it.
  const along = (upper * upper - fore * fore + reach * reach) / (2 * reach);
  const off = Math.sqrt(Math.max(0, upper * upper - along * along));
  // The bend direction is the pole with its component along the arm removed.
  bend.copy(pole).addScaledVector(dir, -pole.dot(dir));
  if (bend.lengthSq() < 1e-10) bend.set(0, -1, 0).addScaledVector(dir, dir.y);
  if (bend.lengthSq() < 1e-10) bend.set(1, 0, 0);
  bend.normalize();
  elbow.copy(shoulder).addScaledVector(dir, along).addScaledVector(bend, off);
  wrist.copy(shoulder).addScaledVector(dir, reach);
  return wanted <= upper + fore;
}
