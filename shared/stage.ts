import { ARENA } from './arena.ts';
import type { EventPhase } from './events.ts';

/**
 * Who stands on the launch stage (`ARENA.stage`, a disc at the origin): while it is up (the event's
 * reveal and live sale) only the event's invited host; the server moves anyone else who walks onto it
 * to its rim, and the host's rig stands them on its top.
 */

/** Whether the stage is up in this phase of the shown event. */
export function stageIsUp(phase: EventPhase | '' | string): boolean {
  return phase === 'reveal' || phase === 'live';
}

/** Where a visitor who is not the host must stand at least (cm from the origin): the rim plus their body. */
export const STAGE_KEEP_OUT_CM = Math.round((ARENA.stage.radius + ARENA.visitorRadius) * 100);

/** Whether a point on the floor (metres) is on the stage's top. */
export function isOnStage(x: number, z: number): boolean {
  return x * x + z * z <= ARENA.stage.radius * ARENA.stage.radius;
}

/**
 * A visitor's position (cm) moved radially out to `STAGE_KEEP_OUT_CM` when it is inside it, or null when
 * it is outside already. The very centre goes to +z (toward the visitor spawn ring's near side).
 */
export function outsideStage(xCm: number, zCm: number): { x: number; z: number } | null {
  const d = Math.hypot(xCm, zCm);
  if (d >= STAGE_KEEP_OUT_CM) return null;
  if (d === 0) return { x: 0, z: STAGE_KEEP_OUT_CM };
  const k = STAGE_KEEP_OUT_CM / d;
  return { x: Math.round(xCm * k), z: Math.round(zCm * k) };
}

/**
 * Where the host stands when stepping on stage (metres): just in front of the hero, facing +z (yaw π:
 * a yaw of 0 looks down −z), toward the near side of the stands.
 */
export const HOST_MARK = { x: 0, z: 1.2, yaw: Math.PI } as const;

/** Eye height of someone standing at (x, z) metres: raised by the stage's height on its top while it is up. */
export function standingEyeHeight(x: number, z: number, stageUp: boolean): number {
  return ARENA.eyeHeight + (stageUp && isOnStage(x, z) ? ARENA.stage.height : 0);
}
