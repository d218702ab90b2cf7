import { INTEREST } from '../../../shared/interest.ts';
import { PLAYER_FLAG, VOICE_RANGE_M } from '../../../shared/together.ts';

/** What the rule reads of a player: floor position (int16 centimetres), squad and flags. */
export interface InterestPeer {
  x: number;
  z: number;
  squad?: string;
  flags?: number;
}

/** One visitor's inputs: who they are, who is in the shard, and who they had at full rate before. */
export interface InterestInput {
  viewerId: string;
  viewer: InterestPeer;
  players: Iterable<[string, InterestPeer]>;
  /** The viewer's full-rate set from the last pass (hysteresis). */
  previous: ReadonlySet<string>;
  /** Those the viewer exchanged voice signals or nearby chat with lately (see talkBook.ts). */
  talkingWith: ReadonlySet<string>;
}

/** The rule's distances and cap; `INTEREST` by default, smaller in unit tests. */
export type InterestLimits = Record<'enterM' | 'leaveM' | 'keepBonusM' | 'maxFullRate', number>;

const VOICE_RANGE_SQ = (VOICE_RANGE_M * 100) ** 2;
const voiceOn = (p: InterestPeer) => ((p.flags ?? 0) & PLAYER_FLAG.voice) !== 0;

/** Whether `other` is someone the viewer always gets smoothly: squad mate, talk partner, or voice peer in range. */
function alwaysFull(id: string, viewer: InterestPeer, other: InterestPeer, distanceSq: number, talkingWith: ReadonlySet<string>) {
  if (viewer.squad && other.squad === viewer.squad) return true;
  if (talkingWith.has(id)) return true;
  return voiceOn(viewer) && voiceOn(other) && distanceSq <= VOICE_RANGE_SQ;
}

/**
 * The viewer's full-rate set: first squad mates, talk partners and voice peers in voice range
 * (wherever they stand, apart from voice range), then the nearest others within `enterM` — or within
 * `leaveM` for those already in the set — until `maxFullRate`. A member ranks `keepBonusM` nearer than
 * a newcomer, so two visitors at the cap's edge do not swap places every pass. Everyone else gets
 * the far pose only. The viewer is never in their own set.
 */
export function fullRateSet(input: InterestInput, limits: InterestLimits = INTEREST): Set<string> {
  const { viewerId, viewer, previous, talkingWith } = input;
  const always: string[] = [];
  const near: Array<{ id: string; rank: number }> = [];
  // NOTE: squared distances: this runs for every pair of visitors four times a second, and most pairs are far.
  const enterSq = (limits.enterM * 100) ** 2;
  const leaveSq = (limits.leaveM * 100) ** 2;
  const bonus = limits.keepBonusM * 100;
  for (const [id, other] of input.players) {
    if (id === viewerId) continue;
    const dx = viewer.x - other.x;
    const dz = viewer.z - other.z;
    const dSq = dx * dx + dz * dz;
    if (alwaysFull(id, viewer, other, dSq, talkingWith)) always.push(id);
    else if (dSq <= enterSq || (dSq <= leaveSq && previous.has(id))) {
      near.push({ id, rank: Math.sqrt(dSq) - (previous.has(id) ? bonus : 0) });
    }
  }
  near.sort((a, b) => a.rank - b.rank);
  const set = new Set<string>();
  for (const id of always) if (set.size < limits.maxFullRate) set.add(id);
  for (const { id } of near) {
    if (set.size >= limits.maxFullRate) break;
    set.add(id);
  }
  return set;
}
