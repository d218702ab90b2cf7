/**
 * Hand-tracking teleport, decided without three.js or the DOM. A tracked hand has no stick, so the
 * gesture is: point the hand's ray at the floor a few metres away, pinch and hold; after a short hold
 * the arc and target ring show, and releasing the pinch lands there. A pinch that starts with the ray
 * on something selectable (a product, an in-world panel) belongs to selection for as long as it is
 * held, so pinch-to-select never teleports; a quick pinch on nothing does nothing.
 */

/** How long a pinch must be held before it aims (ms), and how far the arc must land from the head (m). */
export const HAND_TELEPORT = { holdMs: 300, minDistance: 2 } as const;

/** Where a hand's pinch is: not pinched, pinched but not yet aiming, owned by selection, or aiming. */
export type HandTeleportPhase = 'idle' | 'pending' | 'select' | 'aim';

export interface HandTeleportState {
  phase: HandTeleportPhase;
  /** When the current pinch began (ms, the caller's clock). */
  since: number;
}

/** What the hand and the world say this frame. */
export interface HandTeleportInput {
  /** Whether the hand is tracked at all (a hand lost mid-aim cancels). */
  tracked: boolean;
  /** Whether the thumb and index are pinched. */
  pinched: boolean;
  /** Now, in ms (any monotonic clock). */
  now: number;
  /**
   * Whether the hand's ray is on something selectable. Asked only when a pinch begins (a raycast), so
   * whoever owns a pinch owns it until it is released.
   */
  rayHitsUi: () => boolean;
  /** Floor distance (m) from the head to where the arc lands, or null when it does not reach the floor. */
  targetDistance: number | null;
  /** Whether the arc's landing point passes the teleport collision (floor, not shelves or walls). */
  targetValid: boolean;
}

/** What the hand did this frame: nothing, aim (show the arc and ring), land on the target, or cancel. */
export type HandTeleportAction = 'none' | 'aim' | 'land' | 'cancel';

export function createHandTeleportState(): HandTeleportState {
  return { phase: 'idle', since: 0 };
}

/** Advances the gesture by one frame (mutates `state`) and says what to do. */
export function stepHandTeleport(
  state: HandTeleportState,
  input: HandTeleportInput,
  holdMs: number = HAND_TELEPORT.holdMs,
  minDistance: number = HAND_TELEPORT.minDistance,
): HandTeleportAction {
  const pinched = input.tracked && input.pinched;
  switch (state.phase) {
    case 'idle':
      if (!pinched) return 'none';
      state.since = input.now;
      state.phase = input.rayHitsUi() ? 'select' : 'pending';
      return pending(state, input, holdMs, minDistance);
    case 'select':
      if (!pinched) state.phase = 'idle';
      return 'none';
    case 'pending':
      if (!pinched) {
        state.phase = 'idle';
        return 'none';
      }
      return pending(state, input, holdMs, minDistance);
    case 'aim':
      if (pinched) return 'aim';
      state.phase = 'idle';
      return input.tracked && input.targetValid ? 'land' : 'cancel';
  }
}

/** A pinch on nothing selectable: it aims once held long enough with the arc landing far enough away. */
function pending(state: HandTeleportState, input: HandTeleportInput, holdMs: number, minDistance: number): HandTeleportAction {
  if (state.phase !== 'pending') return 'none';
  if (input.now - state.since < holdMs) return 'none';
  if (input.targetDistance == null || !(input.targetDistance >= minDistance)) return 'none';
  state.phase = 'aim';
  return 'aim';
}
