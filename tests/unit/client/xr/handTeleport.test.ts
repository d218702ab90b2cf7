import { describe, expect, it } from 'vitest';
import {
  createHandTeleportState,
  HAND_TELEPORT,
  type HandTeleportInput,
  stepHandTeleport,
} from '../../../../client/xr/handTeleport.ts';
import { isPointerTarget, type PointerTargetLike } from '../../../../client/xr/pointerTargets.ts';

/** A frame on open floor 4 m away, not pinched, at `now` ms. */
const frame = (now: number, over: Partial<HandTeleportInput> = {}): HandTeleportInput => ({
  tracked: true,
  pinched: false,
  now,
  rayHitsUi: () => false,
  targetDistance: 4,
  targetValid: true,
  ...over,
});

/** Runs frames every 50 ms from `from` to `to` (inclusive) with the same input; returns the actions. */
function hold(state: ReturnType<typeof createHandTeleportState>, from: number, to: number, over: Partial<HandTeleportInput>) {
  const actions: string[] = [];
  for (let t = from; t <= to; t += 50) actions.push(stepHandTeleport(state, frame(t, over)));
  return actions;
}

describe('hand teleport gesture', () => {
  it('a pinch on the floor aims only after the hold threshold, and releasing lands', () => {
    const s = createHandTeleportState();
    expect(stepHandTeleport(s, frame(0))).toBe('none');
    const held = hold(s, 1000, 1000 + HAND_TELEPORT.holdMs, { pinched: true });
    expect(held.slice(0, -1).every((a) => a === 'none')).toBe(true);
    expect(held.at(-1)).toBe('aim');
    expect(stepHandTeleport(s, frame(1400, { pinched: true }))).toBe('aim');
    expect(stepHandTeleport(s, frame(1450))).toBe('land');
    expect(s.phase).toBe('idle');
    expect(stepHandTeleport(s, frame(1500))).toBe('none');
  });

  it('a quick pinch (a select on nothing) never aims or lands', () => {
    const s = createHandTeleportState();
    expect(hold(s, 0, HAND_TELEPORT.holdMs - 50, { pinched: true })).toEqual(Array(HAND_TELEPORT.holdMs / 50).fill('none'));
    expect(stepHandTeleport(s, frame(HAND_TELEPORT.holdMs))).toBe('none');
    expect(s.phase).toBe('idle');
  });

  it('a pinch that starts with the ray on a product or panel belongs to selection however long it is held', () => {
    const s = createHandTeleportState();
    let asked = 0;
    const onUi = () => {
      asked++;
      return true;
    };
    expect(hold(s, 0, 2000, { pinched: true, rayHitsUi: onUi })).not.toContain('aim');
    expect(asked).toBe(1); // decided once, when the pinch began
    // Moving the ray off the panel onto the floor while still pinching does not turn it into a teleport.
    expect(hold(s, 2050, 3000, { pinched: true, rayHitsUi: () => false })).not.toContain('aim');
    expect(stepHandTeleport(s, frame(3050))).toBe('none');
    // The next pinch, on the floor, teleports as usual.
    expect(hold(s, 4000, 4000 + HAND_TELEPORT.holdMs, { pinched: true }).at(-1)).toBe('aim');
  });

  it('the UI is asked only when a pinch begins, not while the hand is open', () => {
    const s = createHandTeleportState();
    let asked = 0;
    hold(s, 0, 500, {
      rayHitsUi: () => {
        asked++;
        return false;
      },
    });
    expect(asked).toBe(0);
  });

  it('does not aim at the floor nearer than the minimum distance, nor with no floor under the arc', () => {
    const s = createHandTeleportState();
    expect(hold(s, 0, 1000, { pinched: true, targetDistance: HAND_TELEPORT.minDistance - 0.5 })).not.toContain('aim');
    expect(hold(s, 1050, 1500, { pinched: true, targetDistance: null })).not.toContain('aim');
    // Still the same pinch: raising the ray past the minimum aims without starting over.
    expect(stepHandTeleport(s, frame(1550, { pinched: true, targetDistance: 3 }))).toBe('aim');
  });

  it('releasing on an invalid target (a shelf, the bowl wall) cancels instead of landing', () => {
    const s = createHandTeleportState();
    hold(s, 0, 400, { pinched: true });
    expect(s.phase).toBe('aim');
    expect(stepHandTeleport(s, frame(450, { targetValid: false }))).toBe('cancel');
    expect(s.phase).toBe('idle');
  });

  it('losing hand tracking mid-aim cancels', () => {
    const s = createHandTeleportState();
    hold(s, 0, 400, { pinched: true });
    expect(stepHandTeleport(s, frame(450, { tracked: false, pinched: true }))).toBe('cancel');
    expect(stepHandTeleport(s, frame(500, { tracked: false }))).toBe('none');
  });
});

describe('pointer targets (what a pinch ray gives to selection)', () => {
  const plain = (parent: PointerTargetLike | null = null): PointerTargetLike => ({ parent });
  it('an object with react-three-fiber pointer handlers, or inside one, is a target', () => {
    const box: PointerTargetLike = {
      parent: null,
      __r3f: { eventCount: 2, handlers: { onPointerDown: () => {}, onClick: () => {} } },
    };
    expect(isPointerTarget(box)).toBe(true);
    expect(isPointerTarget(plain(plain(box)))).toBe(true);
  });
  it('pointer-events listeners and their ancestor flags count (uikit)', () => {
    expect(isPointerTarget({ _listeners: { pointerdown: [() => {}] } })).toBe(true);
    expect(isPointerTarget({ ancestorsHavePointerListeners: true })).toBe(true);
  });
  it('floors, shelves and things with only non-pointer handlers or empty listener lists are not', () => {
    expect(isPointerTarget(plain(plain()))).toBe(false);
    expect(isPointerTarget({ __r3f: { eventCount: 1, handlers: { onWheel: () => {} } } })).toBe(false);
    expect(isPointerTarget({ __r3f: { eventCount: 0, handlers: {} } })).toBe(false);
    expect(isPointerTarget({ _listeners: { pointerdown: [], added: [() => {}] } })).toBe(false);
    expect(isPointerTarget(null)).toBe(false);
  });
});
