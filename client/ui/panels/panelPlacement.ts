/** Where an in-world panel stands: a point in the arena and the yaw it faces. */
export interface PanelPlacement {
  position: [number, number, number];
  /** Rotation about Y (radians); the panel's front (+Z) then faces the visitor. */
  rotationY: number;
}

export interface PanelPlacementOptions {
  /** Horizontal distance from the head (metres). */
  distance?: number;
  /** How far below the eyes the panel's centre sits: chest height. */
  drop?: number;
  /** Never lower than this (a seated visitor still reads it without looking at the floor). */
  minHeight?: number;
}

/**
 * The yaw (radians about Y) a view direction looks along, in three's convention: yaw 0 looks
 * down -Z. A direction straight up or down has no yaw; 0 is returned then.
 */
export function yawOf(direction: { x: number; z: number }): number {
  if (Math.abs(direction.x) < 1e-9 && Math.abs(direction.z) < 1e-9) return 0;
  return Math.atan2(-direction.x, -direction.z);
}

/**
 * Places a panel in front of the visitor at chest height, turned to face them. It is computed once
 * when the panel opens (not every frame): a panel glued to the head is uncomfortable and hard to aim at.
 */
export function panelPlacement(
  head: { x: number; y: number; z: number },
  yaw: number,
  { distance = 0.8, drop = 0.3, minHeight = 0.8 }: PanelPlacementOptions = {},
): PanelPlacement {
  const x = head.x - Math.sin(yaw) * distance;
  const z = head.z - Math.cos(yaw) * distance;
  const y = Math.max(minHeight, head.y - drop);
  return { position: [x, y, z], rotationY: yaw };
}
