import { ARENA } from '../../shared/arena.ts';
import { INTEREST } from '../../shared/interest.ts';
import { dequantizeHand, dequantizePose, HAND_BIT, type Hands } from '../../shared/pose.ts';
import type { Player } from '../../shared/state.ts';
import { INTERPOLATION_DELAY_MS, type RemotePoses } from '../state/remotePoses.ts';

/** The player fields the feed reads: the fine pose and hands (absent outside the full-rate set) and the far pose. */
export type PlayerPoseFields = Pick<
  Player,
  'x' | 'y' | 'z' | 'yaw' | 'pitch' | 'hands' | 'leftX' | 'leftY' | 'leftZ' | 'leftQ' | 'rightX' | 'rightY' | 'rightZ' | 'rightQ'
> &
  Pick<Player, 'farX' | 'farZ' | 'farYaw'>;

const handScratch: Hands = { left: null, right: null };
const leftScratch = { x: 0, y: 0, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
const rightScratch = { ...leftScratch };
const drawn = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };

/** A player's tracked hands in metres, written into module scratch (the pose buffer copies them). */
function handsOf(player: PlayerPoseFields): Hands {
  const mask = player.hands ?? 0;
  handScratch.left =
    mask & HAND_BIT.left
      ? dequantizeHand({ x: player.leftX, y: player.leftY, z: player.leftZ, q: player.leftQ }, leftScratch)
      : null;
  handScratch.right =
    mask & HAND_BIT.right
      ? dequantizeHand({ x: player.rightX, y: player.rightY, z: player.rightZ, q: player.rightQ }, rightScratch)
      : null;
  return handScratch;
}

interface Seen {
  fine: boolean;
  farX: number;
  farZ: number;
  farYaw: number;
  /** Last fine head height (cm): the far pose has none. */
  y: number;
}

/**
 * Feeds remote players' state into the pose buffer. A player in the visitor's full-rate set
 * (shared/interest.ts) has its fine pose: pushed as received. Others only have the far pose, rewritten
 * about once a second: each new one is scheduled `INTEREST.farPeriodMs` ahead, so the avatar walks to
 * it over that time instead of hopping. When a player leaves the full-rate set it holds its last fine
 * pose until a newer far pose arrives (the far pose then in the state may be older).
 */
export function createPoseFeed(remotePoses: RemotePoses) {
  const seen = new Map<string, Seen>();
  return {
    /** Records what `player` shows now (local time `nowMs`); changes that move nothing push nothing. */
    write(id: string, player: PlayerPoseFields, nowMs: number) {
      const before = seen.get(id);
      if (player.x !== undefined) {
        remotePoses.push(id, dequantizePose(player), nowMs, handsOf(player));
        seen.set(id, { fine: true, farX: player.farX, farZ: player.farZ, farYaw: player.farYaw, y: player.y });
        return;
      }
      const y = before?.y ?? Math.round(ARENA.eyeHeight * 100);
      const next: Seen = { fine: false, farX: player.farX, farZ: player.farZ, farYaw: player.farYaw, y };
      seen.set(id, next);
      if (before?.fine) return;
      if (before && before.farX === next.farX && before.farZ === next.farZ && before.farYaw === next.farYaw) return;
      const target = dequantizePose({ x: next.farX, y, z: next.farZ, yaw: next.farYaw, pitch: 0 });
      // NOTE: the walk starts where the avatar is drawn now (render time runs INTERPOLATION_DELAY_MS
      // behind), not at the last far pose's arrival, or it would already be partway there and jump.
      const start = nowMs - INTERPOLATION_DELAY_MS;
      if (before && remotePoses.sample(id, nowMs, drawn)) {
        remotePoses.push(id, drawn, start);
        remotePoses.push(id, target, start + INTEREST.farPeriodMs);
      } else remotePoses.push(id, target, nowMs);
    },
    forget(id: string) {
      seen.delete(id);
    },
  };
}
