import { ErrorCode, MSG, type ErrorBody } from '../../../shared/protocol.ts';
import { PLAYER_FLAG, SIGNAL_RATE, VOICE_DROP_M, type SignalEvent, type SignalSend } from '../../../shared/together.ts';
import { createTokenBucket, type TokenBucket } from '../../room/rateGate.ts';

/** The parts of a player the relay reads: flags and floor position (int16 centimetres). */
export interface SignalPeer {
  flags?: number;
  x: number;
  z: number;
}

/** Where a signal goes, or why it goes nowhere. */
export type SignalRoute = { ok: true; to: string; event: SignalEvent } | { ok: false; error: ErrorBody };

const VOICE_DROP_CM = VOICE_DROP_M * 100;

const refuse = (code: ErrorBody['code'], message: string): SignalRoute => ({
  ok: false,
  error: { code, message, type: MSG.signal },
});

const talking = (p: SignalPeer) => ((p.flags ?? 0) & (PLAYER_FLAG.voice | PLAYER_FLAG.muted)) === PLAYER_FLAG.voice;

/**
 * Decides whether a validated signal from `fromId` reaches the peer it names: the peer must be in the
 * same shard, both must have voice on and neither be muted, and they must stand within
 * `VOICE_DROP_M` of each other. A `bye` reaches any existing peer, so either side can always hang up.
 */
export function routeSignal(
  players: { get(id: string): SignalPeer | undefined },
  fromId: string,
  signal: SignalSend,
): SignalRoute {
  const { to, ...body } = signal;
  const from = players.get(fromId);
  const target = to === fromId ? undefined : players.get(to);
  if (!from || !target) return refuse(ErrorCode.notFound, `no visitor "${to.slice(0, 64)}" in this shard`);
  const event = { ...body, from: fromId } as SignalEvent;
  if (signal.kind === 'bye') return { ok: true, to, event };
  if (!talking(from) || !talking(target)) return refuse(ErrorCode.forbidden, 'voice is off');
  if (Math.hypot(from.x - target.x, from.z - target.z) > VOICE_DROP_CM) {
    return refuse(ErrorCode.forbidden, 'out of voice range');
  }
  return { ok: true, to, event };
}

/**
 * The room's signal relay: a `SIGNAL_RATE` token bucket per sender (kept by the sender's connection
 * object, so it goes when the connection does) in front of {@link routeSignal}.
 */
export function createSignalRelay(rate: { perSecond: number; burst: number } = SIGNAL_RATE) {
  const buckets = new WeakMap<object, TokenBucket>();
  return {
    route(
      sender: object,
      players: Parameters<typeof routeSignal>[0],
      fromId: string,
      signal: SignalSend,
      nowMs: number,
    ): SignalRoute {
      let bucket = buckets.get(sender);
      if (!bucket) {
        bucket = createTokenBucket(rate.perSecond, rate.burst, nowMs);
        buckets.set(sender, bucket);
      }
      if (!bucket.take(nowMs)) {
        return refuse(ErrorCode.rateLimited, `signals above ${rate.perSecond}/s are dropped`);
      }
      return routeSignal(players, fromId, signal);
    },
  };
}
