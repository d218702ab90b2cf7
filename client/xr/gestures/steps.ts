import type { FloorPoint, WalkArea } from '../collision.ts';
import {
  type HandTeleportAction,
  type HandTeleportInput,
  type HandTeleportState,
  createHandTeleportState,
  stepHandTeleport,
} from '../handTeleport.ts';
import {
  moveFromThumbstick,
  type SnapTurnState,
  smoothTurn,
  snapTurn,
  type TeleportGesture,
  teleportGesture,
  WALK_SPEED,
  worldStep,
} from '../intents.ts';
import { teleportRig, turnRig, walkRig } from '../locomotion.ts';
import { isTeleportTarget } from '../teleport.ts';
import type { XrRigState } from '../xrRig.ts';

/**
 * One frame of headset locomotion, gesture by gesture, without React or three.js: each step reads
 * what its gesture needs and moves the rig state; the hooks in this folder call them every frame.
 * The head is the visitor's floor position (`localPlayer.pose`); every move is made for the head.
 */

/** What the gestures remember between frames and tell each other within one. */
export interface LocomotionState {
  /** The right stick's teleport: this frame's gesture, whether it is aiming, and the valid target. */
  stick: { gesture: TeleportGesture; aiming: boolean; target: FloorPoint | null };
  snap: SnapTurnState;
  /** The right hand's pinch teleport: its gesture state, this frame's action, and the valid target. */
  hand: { gesture: HandTeleportState; action: HandTeleportAction; target: FloorPoint | null };
  /** How strongly each gesture moved the view this frame, 0..1 (for the comfort vignette). */
  motion: { turn: number; walk: number };
}

/** A fresh state: nothing aimed, snap turn armed, still. */
export function createLocomotionState(): LocomotionState {
  return {
    stick: { gesture: 'none', aiming: false, target: null },
    snap: { armed: true },
    hand: { gesture: createHandTeleportState(), action: 'none', target: null },
    motion: { turn: 0, walk: 0 },
  };
}

/**
 * Right stick forward aims a teleport arc (`aimHit` is asked for the arc's floor hit only then);
 * releasing lands on a valid target.
 */
export function stepStickTeleport(
  state: LocomotionState,
  stick: { x: number; y: number },
  aimHit: () => FloorPoint | null,
  area: WalkArea,
  head: FloorPoint,
  rig: XrRigState,
): void {
  const s = state.stick;
  s.gesture = teleportGesture(stick.x, stick.y, s.aiming);
  s.aiming = s.gesture === 'aim';
  s.target = null;
  if (s.gesture !== 'aim' && s.gesture !== 'land') return;
  const hit = aimHit();
  if (hit && isTeleportTarget(area, head, hit)) s.target = hit;
  if (s.gesture === 'land' && s.target) teleportRig(rig, head, s.target);
}

/** Right stick sideways turns, snap or smooth, about the head; never while the stick aims or lands a teleport. */
export function stepStickTurn(
  state: LocomotionState,
  x: number,
  dt: number,
  settings: { turn: 'snap' | 'smooth'; snapDegrees: number },
  head: FloorPoint,
  rig: XrRigState,
): void {
  state.motion.turn = 0;
  if (state.stick.gesture === 'aim' || state.stick.gesture === 'land') return;
  const yaw = settings.turn === 'snap' ? snapTurn(x, state.snap, settings.snapDegrees) : smoothTurn(x, dt);
  turnRig(rig, head, yaw);
  if (settings.turn === 'smooth' && yaw !== 0) state.motion.turn = 1;
}

/**
 * A tracked right hand's pinch teleport (handTeleport.ts decides the gesture): while it aims, the
 * target follows the ray's floor hit `hit`; releasing lands where the target last was.
 */
export function stepHandTeleportGesture(
  state: LocomotionState,
  input: Omit<HandTeleportInput, 'targetDistance' | 'targetValid'>,
  hit: FloorPoint | null,
  area: WalkArea,
  head: FloorPoint,
  rig: XrRigState,
): void {
  const hand = state.hand;
  hand.action = stepHandTeleport(hand.gesture, {
    ...input,
    targetDistance: hit ? Math.hypot(hit.x - head.x, hit.z - head.z) : null,
    targetValid: hand.target != null,
  });
  if (hand.action === 'aim') {
    hand.target = hit && isTeleportTarget(area, head, hit) ? { x: hit.x, z: hit.z } : null;
    return;
  }
  // NOTE: releasing lands where the ring last was, not where the hand drifted while letting go.
  if (hand.action === 'land' && hand.target) teleportRig(rig, head, hand.target);
  hand.target = null;
}

/** With smooth locomotion, the left stick walks the head through the walking collision. */
export function stepSmoothWalk(
  state: LocomotionState,
  stick: { x: number; y: number },
  dt: number,
  enabled: boolean,
  area: WalkArea,
  head: FloorPoint & { yaw: number },
  rig: XrRigState,
  step: { x: number; z: number },
): void {
  state.motion.walk = 0;
  if (!enabled) return;
  const move = moveFromThumbstick(stick.x, stick.y);
  if (move.x === 0 && move.z === 0) return;
  worldStep(head.yaw, move, WALK_SPEED, dt, step);
  walkRig(rig, area, head, step.x, step.z);
  state.motion.walk = Math.hypot(move.x, move.z);
}

/** Where the target ring shows: the hand's target while the hand aims, else the stick's while it aims. */
export function ringTarget(state: LocomotionState): FloorPoint | null {
  if (state.hand.action === 'aim') return state.hand.target;
  return state.stick.aiming ? state.stick.target : null;
}

/** The vignette's strength this frame: the strongest motion, or 0 with the vignette off. */
export function motionStrength(state: LocomotionState, vignette: boolean): number {
  return vignette ? Math.max(state.motion.turn, state.motion.walk) : 0;
}
