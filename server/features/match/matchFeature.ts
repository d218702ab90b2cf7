import { ErrorCode, MSG } from '../../../shared/protocol.ts';
import { MatchClock } from '../../../shared/state.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { CHANNEL } from '../../venue/channels.ts';
import type { MatchSnapshot } from '../../venue/match/venueMatch.ts';

/**
 * The venue's match in one shard: copies the match clock into `state.match` (from `CHANNEL.match`,
 * ignoring a copy older than the last) and passes the host's controls to the venue's match.
 */
export const matchFeature: RoomFeature = ({ state, presence, deps }) => {
  let seq = -1;
  const apply = (snapshot: MatchSnapshot) => {
    if (snapshot.seq <= seq) return;
    seq = snapshot.seq;
    const { playing, anchorMs, positionMs, rate, directorAngle, momentId, revision } = snapshot;
    state.match.assign({ playing, anchorMs, positionMs, rate, directorAngle, momentId, revision });
  };
  return {
    async onCreate() {
      state.match = new MatchClock();
      // NOTE: subscribe before reading so no change between the read and the subscription is lost;
      // a snapshot carries `seq`, so whichever copy is older is ignored.
      await presence.subscribe(CHANNEL.match, apply);
      apply(deps.venue.match.snapshot());
    },
    onDispose() {
      // NOTE: with the callback, so only this shard's listener goes; `unsubscribe(topic)` alone would
      // remove every shard's listener on the same presence.
      presence.unsubscribe(CHANNEL.match, apply);
    },
    messages: {
      [MSG.matchControl]: ({ visitor, data }) => {
        if (visitor.role !== 'host') {
          return { code: ErrorCode.forbidden, message: 'only the venue host can control the match', type: MSG.matchControl };
        }
        const result = deps.venue.match.control(data);
        return result.ok ? undefined : { code: ErrorCode.badRequest, message: result.message, type: MSG.matchControl };
      },
    },
  };
};
