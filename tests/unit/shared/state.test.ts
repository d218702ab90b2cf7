import { Encoder } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { applyPose } from '../../../server/features/pose/players.ts';
import { quantizeHand, quantizePose } from '../../../shared/pose.ts';
import type { PoseMessage } from '../../../shared/protocol.ts';
import { ArenaState, Player } from '../../../shared/state.ts';

const AVATARS = 100;

/** A room with 100 players, fully encoded once (as a joining client would receive it). */
function room(withHands: boolean) {
  const state = new ArenaState();
  for (let i = 0; i < AVATARS; i++) {
    const player = new Player().assign({ name: `Visitor ${i}`, color: '#3366ff' });
    applyPose(player, pose(i, 0, withHands));
    state.players.set(`s${i}`, player);
  }
  const encoder = new Encoder(state);
  const full = encoder.encodeAll().length;
  encoder.discardChanges();
  return { state, encoder, full };
}

/** Visitor i at tick t: walking, turning, and (for headsets) moving and turning both hands. */
function pose(i: number, t: number, withHands: boolean): PoseMessage {
  const x = -5 + i * 0.1 + t * 0.05;
  const head: PoseMessage = quantizePose({ x, y: 1.6 + t * 0.01, z: 2 + t * 0.03, yaw: i + t * 0.1, pitch: t * 0.01 });
  if (!withHands) return head;
  const hand = (side: number) => ({
    x: x + side * 0.3 + t * 0.01,
    y: 1.1 + t * 0.02,
    z: 1.8 - t * 0.02,
    qx: Math.sin(t * 0.1 + side),
    qy: 0.3,
    qz: 0.1,
    qw: 1,
  });
  return { ...head, left: quantizeHand(hand(-1), head)!, right: quantizeHand(hand(1), head)! };
}

/** Bytes per avatar of one patch in which every avatar's head (and hands) moved. */
function patchBytesPerAvatar(withHands: boolean): { patch: number; full: number } {
  const { state, encoder, full } = room(withHands);
  for (let i = 0; i < AVATARS; i++) applyPose(state.players.get(`s${i}`)!, pose(i, 1, withHands));
  const patch = encoder.encode().length;
  return { patch: patch / AVATARS, full: full / AVATARS };
}

describe('room state bytes on the wire', () => {
  it('costs a desktop avatar nothing for hands, and a headset avatar under 50 bytes per patch', () => {
    const desktop = patchBytesPerAvatar(false);
    const headset = patchBytesPerAvatar(true);
    // NOTE: printed for the README's figures; the assertions below are what must hold.
    console.info(
      `bytes per avatar: desktop patch ${desktop.patch.toFixed(1)}, full ${desktop.full.toFixed(1)}; ` +
        `headset patch ${headset.patch.toFixed(1)}, full ${headset.full.toFixed(1)}`,
    );
    // Head only: ref switch + 5 fields (1 index byte + 2 data bytes each).
    expect(desktop.patch).toBeLessThanOrEqual(18);
    // Two hands add 2 × (3 int16 + 1 uint32 = 10 bytes, plus 4 index bytes).
    expect(headset.patch - desktop.patch).toBeLessThanOrEqual(28);
    expect(headset.patch).toBeLessThan(50);
  });

  it('sends nothing for a headset visitor who stands still', () => {
    const { state, encoder } = room(true);
    for (let i = 0; i < AVATARS; i++) applyPose(state.players.get(`s${i}`)!, pose(i, 0, true));
    expect(encoder.hasChanges).toBe(false);
    applyPose(state.players.get('s7')!, pose(7, 1, true));
    expect(encoder.hasChanges).toBe(true);
  });
});
