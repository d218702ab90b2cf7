import { ARENA, SHELVES, slotPosition } from '../../shared/arena.ts';

/** How far (metres) a product can be from the pointer's origin and still be picked by a click or trigger. */
export const PICK_REACH = 14;

/** How far in front of a shelf a visitor taken to a product stands (well within reach, clear of the shelf). */
export const STAND_OFF = 1.6;

/**
 * What aiming at a product may do: `use` it (highlight, open its card), or, beyond reach, offer to
 * go there: `walk` on desktop and phone (the visitor walks), `teleport` in a headset (the arc moves them).
 */
export type ReachAction = 'use' | 'walk' | 'teleport';

/** The input that aims: a mouse, touch or crosshair on a screen, or a controller or hand ray in a headset. */
export type AimInput = 'screen' | 'xr';

/**
 * Decides what aiming at a product `distance` metres away does. NaN or negative distances (no hit)
 * never count as within reach.
 * @example reachAction(20, 'xr') // 'teleport'
 */
export function reachAction(distance: number, input: AimInput, reach: number = PICK_REACH): ReachAction {
  if (distance >= 0 && distance <= reach) return 'use';
  return input === 'xr' ? 'teleport' : 'walk';
}

/** A floor pose: where to stand and which way to look (yaw about +y, pitch down negative; radians). */
export interface StandPose {
  x: number;
  z: number;
  yaw: number;
  pitch: number;
}

/**
 * Where to stand to use a shelf product: `STAND_OFF` in front of its slot, facing it, looking down
 * at it from eye height. Null when the slot is not on a shelf.
 */
export function approachPose(shelfIndex: number, slot: number, eyeHeight: number = ARENA.eyeHeight): StandPose | null {
  const shelf = SHELVES[shelfIndex];
  if (!shelf || slot < 0 || slot >= shelf.slots) return null;
  const p = slotPosition(shelf, slot);
  // NOTE: a shelf's front faces (sin r, cos r); yaw r looks back along -front, at the shelf (three's cameras look down -z).
  const frontX = Math.sin(shelf.rotationY);
  const frontZ = Math.cos(shelf.rotationY);
  return {
    x: p.x + frontX * STAND_OFF,
    z: p.z + frontZ * STAND_OFF,
    yaw: shelf.rotationY,
    pitch: -Math.atan2(eyeHeight - p.y, STAND_OFF),
  };
}

/**
 * Moves a headset visitor's XR origin (`rig`: floor position and yaw) so that their head, now at
 * `head` (world x/z and yaw), ends up at `target`'s floor point facing its yaw. The head's offset
 * within the play space turns with the origin, so the visitor arrives where asked whatever spot of
 * their room they stand in.
 */
export function teleportRig(
  rig: { x: number; z: number; yaw: number },
  head: { x: number; z: number; yaw: number },
  target: { x: number; z: number; yaw: number },
): void {
  const turn = target.yaw - head.yaw;
  const dx = head.x - rig.x;
  const dz = head.z - rig.z;
  // NOTE: three's rotation about +y by `turn` maps (x, z) to (x cos + z sin, -x sin + z cos).
  const c = Math.cos(turn);
  const s = Math.sin(turn);
  rig.yaw += turn;
  rig.x = target.x - (dx * c + dz * s);
  rig.z = target.z - (-dx * s + dz * c);
}
