import { ErrorCode, MSG } from '../../../shared/protocol.ts';
import { MatchClock } from '../../../shared/state.ts';
import { DomainError } from '../../domain/errors.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
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
      [MSG.matchControl]: ({ client, visitor, data }) => {
        if (visitor.role !== 'host') {
          return { code: ErrorCode.forbidden, message: 'only the venue host can control the match', type: MSG.matchControl };
        }
        // NOTE: the match may live in another process (the venue's owner): its answer comes later.
        const refuse = (code: ErrorCode, message: string) => send(client, MSG.error, { code, message, type: MSG.matchControl });
        Promise.resolve(deps.venue.match.control(data)).then(
          (result) => {
            if (!result.ok) refuse(ErrorCode.badRequest, result.message);
          },
          (err: unknown) => {
            if (err instanceof DomainError) return refuse(err.code, err.message);
            deps.log.error({ err }, 'match control failed');
            refuse(ErrorCode.internal, 'the match control failed');
          },
        );
        return undefined;
      },
    },
  };
};
