/**
 * Pure mappings from device state to movement and look intents. No DOM, no three.js: the desktop
 * keyboard, the mouse, the touch joystick (and, next, XR controllers) all end up as these numbers.
 */

/** A movement intent in the visitor's frame: x = strafe right, z = forward; length ≤ 1. */
export interface MoveIntent {
  x: number;
  z: number;
}

/** A look delta in radians: yaw turns left when positive, pitch looks up when positive. */
export interface LookIntent {
  yaw: number;
  pitch: number;
}

/** `KeyboardEvent.code`s that move the visitor, and the direction each pushes. */
export const MOVE_KEYS: Readonly<Record<string, MoveIntent>> = {
  KeyW: { x: 0, z: 1 },
  ArrowUp: { x: 0, z: 1 },
  KeyS: { x: 0, z: -1 },
  ArrowDown: { x: 0, z: -1 },
  KeyA: { x: -1, z: 0 },
  ArrowLeft: { x: -1, z: 0 },
  KeyD: { x: 1, z: 0 },
  ArrowRight: { x: 1, z: 0 },
};

/** Keys that make the visitor run while held. */
export const RUN_KEYS: ReadonlySet<string> = new Set(['ShiftLeft', 'ShiftRight']);

/** Walking and running speeds in metres per second. */
export const WALK_SPEED = 3.5;
export const RUN_SPEED = 6;

/** Radians of turn per pixel of mouse movement. */
export const MOUSE_SENSITIVITY = 0.0022;
/** Radians of turn per pixel of a one-finger drag (touch screens are smaller and coarser). */
export const TOUCH_LOOK_SENSITIVITY = 0.005;
/** Pitch stays a little short of straight up/down so the view never flips. */
export const PITCH_LIMIT = Math.PI / 2 - 0.12;

/** Whether a key code drives movement (so the page can swallow its default, e.g. arrow scrolling). */
export function isMoveKey(code: string): boolean {
  return code in MOVE_KEYS || RUN_KEYS.has(code);
}

/** Held keys → a move vector; opposite keys cancel, diagonals are normalised to length 1. */
export function moveFromKeys(held: ReadonlySet<string>): MoveIntent {
  let x = 0;
  let z = 0;
  // NOTE: W and ArrowUp both held must not move twice as fast, so directions are counted once.
  const seen = new Set<string>();
  for (const code of held) {
    const dir = MOVE_KEYS[code];
    if (!dir) continue;
    const key = `${dir.x},${dir.z}`;
    if (seen.has(key)) continue;
    seen.add(key);
    x += dir.x;
    z += dir.z;
  }
  const len = Math.hypot(x, z);
  return len > 1 ? { x: x / len, z: z / len } : { x, z };
}

/** Whether a run key is held. */
export function runFromKeys(held: ReadonlySet<string>): boolean {
  for (const code of held) if (RUN_KEYS.has(code)) return true;
  return false;
}

/** Pointer movement in pixels → a look delta (moving right turns right, moving up looks up). */
export function lookFromPointer(dx: number, dy: number, sensitivity = MOUSE_SENSITIVITY): LookIntent {
  return { yaw: -dx * sensitivity, pitch: -dy * sensitivity };
}

/** Clamps a pitch to what a neck can do. */
export function clampPitch(pitch: number): number {
  return Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, pitch));
}

/** Wraps an angle into (-π, π]. */
export function wrapAngle(a: number): number {
  const t = (((a + Math.PI) % (Math.PI * 2)) + Math.PI * 2) % (Math.PI * 2);
  return t - Math.PI === -Math.PI ? Math.PI : t - Math.PI;
}

/**
 * A virtual joystick's knob offset in pixels (screen y grows downward) → a move vector.
 * Inside `deadZone` (fraction of the radius) the knob means nothing; beyond it the magnitude ramps
 * from 0 to 1 at the rim, so small drags creep and full drags walk.
 */
export function moveFromJoystick(dx: number, dy: number, radius: number, deadZone = 0.15): MoveIntent {
  if (radius <= 0) return { x: 0, z: 0 };
  const len = Math.hypot(dx, dy) / radius;
  if (len <= deadZone) return { x: 0, z: 0 };
  const magnitude = Math.min(1, (len - deadZone) / (1 - deadZone));
  const nx = dx / radius / len;
  const ny = dy / radius / len;
  return { x: nx * magnitude, z: -ny * magnitude };
}

/**
 * A move intent in the visitor's frame → a world-space displacement on the floor for `dt` seconds.
 * three.js cameras look down -z, so yaw 0 walks toward -z and positive yaw turns left.
 */
export function worldStep(
  yaw: number,
  move: MoveIntent,
  speed: number,
  dt: number,
  out: { x: number; z: number } = { x: 0, z: 0 },
): { x: number; z: number } {
  const sin = Math.sin(yaw);
  const cos = Math.cos(yaw);
  const s = speed * dt;
  out.x = (move.x * cos - move.z * sin) * s;
  out.z = (-move.x * sin - move.z * cos) * s;
  return out;
}

/** Thumbstick axes below this (fraction of full travel) mean nothing: sticks rarely rest at exactly 0. */
export const THUMBSTICK_DEAD_ZONE = 0.2;

/**
 * XR thumbstick axes → a move vector. WebXR gamepads report y = -1 when the stick is pushed forward.
 * Radial dead zone, then the magnitude ramps from 0 to 1 at full travel.
 */
export function moveFromThumbstick(x: number, y: number, deadZone = THUMBSTICK_DEAD_ZONE): MoveIntent {
  const len = Math.hypot(x, y);
  if (!Number.isFinite(len) || len <= deadZone) return { x: 0, z: 0 };
  const magnitude = Math.min(1, (len - deadZone) / (1 - deadZone));
  return { x: (x / len) * magnitude, z: (-y / len) * magnitude };
}

/** A snap turn fires when the stick passes this sideways… */
export const SNAP_TURN_THRESHOLD = 0.7;
/** …and fires again only after the stick came back inside this. */
export const SNAP_TURN_REARM = 0.3;

/** Whether the snap-turn stick is ready to fire (it must return toward centre between turns). */
export interface SnapTurnState {
  armed: boolean;
}

/**
 * Thumbstick x → a snap turn in radians (positive turns left, as `LookIntent.yaw`), or 0. One push is
 * one turn: after firing, the stick must come back inside `SNAP_TURN_REARM` before it can fire again.
 */
export function snapTurn(x: number, state: SnapTurnState, degrees: number): number {
  if (!Number.isFinite(x)) return 0;
  if (!state.armed) {
    if (Math.abs(x) < SNAP_TURN_REARM) state.armed = true;
    return 0;
  }
  if (Math.abs(x) < SNAP_TURN_THRESHOLD) return 0;
  state.armed = false;
  return -Math.sign(x) * ((degrees * Math.PI) / 180);
}

/** Smooth turning speed in radians per second at full stick. */
export const SMOOTH_TURN_SPEED = Math.PI / 2;

/** Thumbstick x → a smooth turn for `dt` seconds (positive turns left), with the stick's dead zone. */
export function smoothTurn(x: number, dt: number, speed = SMOOTH_TURN_SPEED, deadZone = THUMBSTICK_DEAD_ZONE): number {
  if (!Number.isFinite(x) || Math.abs(x) <= deadZone) return 0;
  const magnitude = (Math.abs(x) - deadZone) / (1 - deadZone);
  return -Math.sign(x) * Math.min(1, magnitude) * speed * dt;
}

/** Pushing the stick forward past this starts a teleport aim; letting it back inside the re-arm zone lands. */
export const TELEPORT_AIM_THRESHOLD = 0.6;

/** What a teleport stick did this frame. */
export type TeleportGesture = 'none' | 'aim' | 'land' | 'cancel';

/**
 * Thumbstick (forward = y < 0) → a teleport gesture. Forward starts (and keeps) aiming; releasing the
 * stick lands where the arc points; pulling it back (y > threshold) cancels. `aiming` is last frame's state.
 */
export function teleportGesture(x: number, y: number, aiming: boolean): TeleportGesture {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return aiming ? 'cancel' : 'none';
  if (!aiming) return -y > TELEPORT_AIM_THRESHOLD ? 'aim' : 'none';
  if (y > TELEPORT_AIM_THRESHOLD) return 'cancel';
  return Math.hypot(x, y) < SNAP_TURN_REARM ? 'land' : 'aim';
}
