import { PLAYER_FLAG } from '../../../shared/together.ts';
import { choosePeers, DEFAULT_PEER_LIMITS, type PeerLimits, type VoiceCandidate } from './peerSelection.ts';

/** After a peer hangs up on us (or refuses), do not call them again for this long. */
export const BYE_COOLDOWN_MS = 5000;
/** After a connection fails, wait this long before trying that peer again. */
export const RETRY_MS = 3000;

export interface PeerPolicyDeps {
  /** Where we stand on the floor now. */
  self(): { x: number; z: number };
  /** The other visitors as our copy of the room shows them now. */
  others(): Iterable<VoiceCandidate>;
  blocked(id: string): boolean;
  now(): number;
  limits?: PeerLimits;
}

/** Whom a voice session calls, and whose call it answers. */
export interface PeerPolicy {
  /** The peers to hold links with, given those held now: the nearest in range, minus blocked and cooling down. */
  choose(current: ReadonlySet<string>): string[];
  /** Whether to answer a first offer from `from`, with whom we hold no link. */
  answers(from: string, current: ReadonlySet<string>): boolean;
  /** Do not call `id` for `ms` (they hung up on us, refused, or the connection failed). */
  coolDown(id: string, ms: number): void;
}

/**
 * The voice session's choices. Calling is ours to decide: `choose` skips peers that refused us a moment
 * ago. Answering trusts the server: the relay forwards an offer only between two visitors with voice on
 * standing within `VOICE_DROP_M` (server/features/signal/signal.ts), so a caller whose pose or voice flag
 * has not reached us yet counts as talking at the drop distance, and a caller we are cooling down from
 * is answered: the cooldown only stops us calling them. (Refusing them made two visitors whose copies of
 * the room disagreed for a moment refuse each other in turn, each while the other cooled down, for ever.)
 */
export function createPeerPolicy(d: PeerPolicyDeps): PeerPolicy {
  const limits = d.limits ?? DEFAULT_PEER_LIMITS;
  const cooldown = new Map<string, number>();
  const cooling = (id: string) => (cooldown.get(id) ?? 0) > d.now();

  return {
    choose(current) {
      return choosePeers(d.self(), d.others(), current, (id) => d.blocked(id) || cooling(id), limits);
    },
    answers(from, current) {
      if (d.blocked(from)) return false;
      const self = d.self();
      let caller: VoiceCandidate = { id: from, x: self.x + limits.drop, z: self.z, flags: PLAYER_FLAG.voice };
      const rest: VoiceCandidate[] = [];
      for (const o of d.others()) {
        if (o.id !== from) rest.push(o);
        else if (Math.hypot(o.x - self.x, o.z - self.z) <= limits.drop) caller = { ...o, flags: PLAYER_FLAG.voice };
      }
      rest.push(caller);
      const answered = choosePeers(self, rest, new Set([...current, from]), d.blocked, limits).includes(from);
      if (answered) cooldown.delete(from);
      return answered;
    },
    coolDown(id, ms) {
      cooldown.set(id, d.now() + ms);
    },
  };
}
