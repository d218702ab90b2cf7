import { ErrorCode, MSG } from '../../../shared/protocol.ts';
import { STAGE_SIGNAL_RATE, STAGE_VOICE_PHASES } from '../../../shared/stageVoice.ts';
import type { EventPhase } from '../../../shared/events.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { createTokenBucket, type TokenBucket } from '../../room/rateGate.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';
import type { StageDelivery } from './directStage.ts';

/**
 * The direct stage voice in one shard (no media server): a stage signal passes its rate and the
 * shown event's phase, then the venue's `DirectStage` decides; what it relays goes out on
 * `CHANNEL.stageSignal`, and each shard hands the deliveries for its own sessions to them. A
 * connection that leaves gives its seat back (or takes its host off air).
 */
export const stageSignalFeature: RoomFeature = ({ state, clients, presence, deps }) => {
  const buckets = new WeakMap<object, TokenBucket>();
  const relay = (delivery: StageDelivery) => send(clients.getById(delivery.to), MSG.stageSignal, delivery.event);
  const publish = (deliveries: StageDelivery[]) => {
    for (const d of deliveries) void presence.publish(CHANNEL.stageSignal, d);
  };

  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.stageSignal, relay);
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.stageSignal, relay);
    },
    onLeave(client) {
      publish(deps.stageDirect.leave(client.sessionId));
    },
    messages: {
      [MSG.stageSignal]: ({ client, visitor, data, now }) => {
        let bucket = buckets.get(client);
        if (!bucket) {
          bucket = createTokenBucket(STAGE_SIGNAL_RATE.perSecond, STAGE_SIGNAL_RATE.burst, now);
          buckets.set(client, bucket);
        }
        if (!bucket.take(now)) {
          return {
            code: ErrorCode.rateLimited,
            message: `stage signals above ${STAGE_SIGNAL_RATE.perSecond}/s are dropped`,
            type: MSG.stageSignal,
          };
        }
        // NOTE: leaving always passes (a listener's `bye`, the host off air), so pages leave cleanly after the event moved on.
        const onStage = state.event.id === data.eventId && STAGE_VOICE_PHASES.includes(state.event.phase as EventPhase);
        const leaving = data.kind === 'bye' || (data.kind === 'onAir' && !data.on);
        if (!onStage && !leaving) {
          return { code: ErrorCode.stageVoiceClosed, message: 'this event is not on stage now', type: MSG.stageSignal };
        }
        const result = deps.stageDirect.signal(
          { session: client.sessionId, mayHost: deps.hosts.mayHost(visitor, data.eventId) },
          data,
        );
        if (!result.ok) return result.error;
        publish(result.deliveries);
        return undefined;
      },
    },
  };
};
