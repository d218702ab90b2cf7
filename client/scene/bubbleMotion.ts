import { REACTION_FLOAT_MS } from '../state/chatSlice.ts';

/** Heights over a visitor's eyes (m): the typing bubble sits over the speaking ring, reactions rise from it. */
export const TYPING_ABOVE_EYES_M = 0.72;
export const REACTION_START_M = 0.8;
export const REACTION_RISE_M = 0.9;

/**
 * Where a reaction `ageMs` old floats and how big it is (0 when gone): it pops in over 150 ms,
 * rises with an ease-out, drifts a little sideways by its id, and shrinks away in its last 400 ms.
 */
export function reactionMotion(ageMs: number, id: number, out: { dx: number; dy: number; scale: number }) {
  if (ageMs < 0 || ageMs >= REACTION_FLOAT_MS) {
    out.dx = 0;
    out.dy = 0;
    out.scale = 0;
    return out;
  }
  const k = ageMs / REACTION_FLOAT_MS;
  out.dy = REACTION_START_M + REACTION_RISE_M * (1 - (1 - k) ** 2);
  out.dx = 0.12 * Math.sin(id * 2.4 + k * 3);
  const popIn = Math.min(1, ageMs / 150);
  const fadeOut = Math.min(1, (REACTION_FLOAT_MS - ageMs) / 400);
  out.scale = popIn * fadeOut;
  return out;
}
