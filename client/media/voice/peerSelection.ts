import { PLAYER_FLAG, VOICE_DROP_M, VOICE_MAX_PEERS, VOICE_RANGE_M } from '../../../shared/together.ts';

/** Another visitor as peer selection sees them: where they stand on the floor (metres) and their flags. */
export interface VoiceCandidate {
  id: string;
  x: number;
  z: number;
  /** shared/together.ts `PLAYER_FLAG` bits. */
  flags: number;
}

export interface PeerLimits {
  /** A new peer is chosen within this distance (metres). */
  range: number;
  /** A peer already connected is kept until it is farther than this (hysteresis, so the edge does not flap). */
  drop: number;
  /** At most this many peers, the nearest ones. */
  max: number;
}

export const DEFAULT_PEER_LIMITS: PeerLimits = { range: VOICE_RANGE_M, drop: VOICE_DROP_M, max: VOICE_MAX_PEERS };

/** Voice on and not muted by the venue admin: the server relays signals only between such visitors. */
export const canTalk = (flags: number) => (flags & (PLAYER_FLAG.voice | PLAYER_FLAG.muted)) === PLAYER_FLAG.voice;

/**
 * The visitors to hold a voice connection with: those who can talk and are not excluded (blocked
 * locally, or refused us a moment ago), within `range` — or within `drop` if already connected — the
 * nearest `max` of them, nearest first.
 */
export function choosePeers(
  self: { x: number; z: number },
  others: Iterable<VoiceCandidate>,
  current: ReadonlySet<string>,
  excluded: (id: string) => boolean,
  limits: PeerLimits = DEFAULT_PEER_LIMITS,
): string[] {
  const near: Array<{ id: string; d: number }> = [];
  for (const o of others) {
    if (!canTalk(o.flags) || excluded(o.id)) continue;
    const d = Math.hypot(o.x - self.x, o.z - self.z);
    if (d <= limits.range || (current.has(o.id) && d <= limits.drop)) near.push({ id: o.id, d });
  }
  near.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
  return near.slice(0, limits.max).map((n) => n.id);
}

/**
 * Perfect negotiation roles: of two peers, the one with the larger session id is polite (it rolls back
 * its own offer when offers cross); the other is impolite and wins the glare.
 */
export const isPolite = (selfId: string, peerId: string) => selfId > peerId;
