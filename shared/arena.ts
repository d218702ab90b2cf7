/**
 * The arena's layout in metres, shared by the client (drawing, collision) and the server (pose bounds).
 * Origin at center court on the floor; +x along the court's long axis, +y up.
 */
export const ARENA = {
  /** NBA court: 94 ft x 50 ft. */
  court: { length: 28.65, width: 15.24 },
  /** The walkable floor inside the seating bowl: a rounded rectangle. */
  floor: { halfX: 24, halfZ: 16, cornerRadius: 6 },
  /** The seating bowl rises outward from the floor's edge. */
  bowl: { rows: 18, rowDepth: 0.85, rowRise: 0.45, seatSpacing: 0.55 },
  /** Center-hung scoreboard height (bottom edge) and size. */
  jumbotron: { y: 11, width: 7, height: 4 },
  /** Rim height 10 ft, rim centre 5.25 ft from the baseline, backboard 4 ft in from the baseline. */
  hoop: { rimHeight: 3.05, rimFromBaseline: 1.6, backboardFromBaseline: 1.22 },
  /**
   * The launch stage at center court: a disc that rises `height` out of the floor for an event's reveal
   * and stays while the event is live; the event's host stands on it, in its spotlight.
   */
  stage: { radius: 2.5, height: 0.5 },
  eyeHeight: 1.65,
  /** Visitor collision radius. */
  visitorRadius: 0.3,
} as const;

/** A gear shelf: a unit along the concourse facing the court, with `slots` product places. */
export interface ShelfLayout {
  index: number;
  /** Centre of the shelf on the floor. */
  x: number;
  z: number;
  /** Rotation about y so that the shelf front faces the court. */
  rotationY: number;
  width: number;
  depth: number;
  height: number;
  /** Height of the board products stand on. */
  boardHeight: number;
  /** Height of the display plinth under each slot (0 = goods stand on the board). */
  riser: number;
  slots: number;
}

const SHELF = { width: 8, depth: 0.7, height: 2.2, boardHeight: 1.0, slots: 4 } as const;

/**
 * The four concourse shelves: shoes, jerseys, balls, accessories. Small goods stand on a 0.3 m
 * plinth, nearer eye level; jerseys (0.74 m tall) stand on the board to clear the header.
 */
export const SHELVES: readonly ShelfLayout[] = [
  { index: 0, x: -7, z: -14.4, rotationY: 0, riser: 0.3, ...SHELF },
  { index: 1, x: 7, z: -14.4, rotationY: 0, riser: 0, ...SHELF },
  { index: 2, x: -7, z: 14.4, rotationY: Math.PI, riser: 0.3, ...SHELF },
  { index: 3, x: 7, z: 14.4, rotationY: Math.PI, riser: 0.3, ...SHELF },
];

/** A slot's centre along the shelf, in the shelf's local frame (metres from its centre, +x right). */
export function slotOffset(shelf: ShelfLayout, slot: number): number {
  const spacing = shelf.width / shelf.slots;
  return -shelf.width / 2 + spacing * (slot + 0.5);
}

/** World position (floor x/z, y where the product stands: board plus plinth) of a product slot on a shelf. */
export function slotPosition(shelf: ShelfLayout, slot: number): { x: number; y: number; z: number } {
  const local = slotOffset(shelf, slot);
  const cos = Math.cos(shelf.rotationY);
  return { x: shelf.x + local * cos, y: shelf.boardHeight + shelf.riser, z: shelf.z - local * Math.sin(shelf.rotationY) };
}

/** Where new visitors appear: a ring around center court. */
export function spawnPoint(seed: number): { x: number; z: number; yaw: number } {
  const angle = (seed % 360) * (Math.PI / 180);
  // NOTE: three.js cameras look down -z; yaw = π/2 − angle turns the visitor to face center court.
  return { x: Math.cos(angle) * 5, z: Math.sin(angle) * 3.5, yaw: Math.PI / 2 - angle };
}

/** How far in front of a shelf a headset visitor starts, in metres (an arm's reach plus a step). */
export const SHELF_SPAWN_DISTANCE = 2;

/**
 * Where a headset visitor appears: in front of one of the shelves (picked and spread along it by
 * `seed`), facing it. NOTE: walking 17 m with a thumbstick is the hardest part of shopping in a
 * headset, so VR starts at the goods; desktop and phone visitors keep the ring around center court.
 */
export function shelfSpawnPoint(seed: number): { x: number; z: number; yaw: number } {
  const s = Math.abs(Math.floor(seed));
  const shelf = SHELVES[s % SHELVES.length]!;
  // Spread visitors along the shelf's middle so two arriving together don't stand in one place.
  const along = (((s >> 2) % 5) - 2) * (shelf.width / 8);
  const r = shelf.rotationY;
  return {
    x: shelf.x + along * Math.cos(r) + SHELF_SPAWN_DISTANCE * Math.sin(r),
    z: shelf.z - along * Math.sin(r) + SHELF_SPAWN_DISTANCE * Math.cos(r),
    // NOTE: the shelf front faces the court along its rotation; the visitor looks back along it, at the shelf.
    yaw: r,
  };
}

/** Horizontal distance in metres from a floor point to the nearest shelf's front face. */
export function distanceToNearestShelf(x: number, z: number): number {
  return Math.min(
    ...SHELVES.map((shelf) => {
      // Into the shelf's frame: u along it, v out of its front.
      const dx = x - shelf.x;
      const dz = z - shelf.z;
      const u = dx * Math.cos(shelf.rotationY) - dz * Math.sin(shelf.rotationY);
      const v = dx * Math.sin(shelf.rotationY) + dz * Math.cos(shelf.rotationY);
      const outU = Math.max(0, Math.abs(u) - shelf.width / 2);
      const outV = Math.max(0, Math.abs(v) - shelf.depth / 2);
      return Math.hypot(outU, outV);
    }),
  );
}
