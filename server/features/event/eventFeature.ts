import type { VenueEventSnapshot } from '../../../shared/events.ts';
import { LaunchEventState } from '../../../shared/state.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { CHANNEL } from '../../venue/channels.ts';

/**
 * The venue's launch event in one shard: copies the event the arena shows into `state.event` (from
 * `CHANNEL.event`, ignoring a copy older than the last). The phase is the venue's; rooms only relay it.
 */
export const eventFeature: RoomFeature = ({ state, presence, deps }) => {
  let seq = -1;
  const apply = (snapshot: VenueEventSnapshot) => {
    if (snapshot.seq <= seq) return;
    seq = snapshot.seq;
    const { id, phase, startsAtMs, endsAtMs, countdownMs, revealMs, heroProductId, heroColourwayId } = snapshot;
    state.event.assign({ id, phase, startsAtMs, endsAtMs, countdownMs, revealMs, heroProductId, heroColourwayId });
  };
  return {
    async onCreate() {
      state.event = new LaunchEventState();
      // NOTE: subscribe before reading, as the match feature does: the older copy is ignored by `seq`.
      await presence.subscribe(CHANNEL.event, apply);
      apply(deps.venue.events.snapshot());
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.event, apply);
    },
  };
};
