import type { Visitor } from '../../../shared/api.ts';
import { ErrorCode, MSG } from '../../../shared/protocol.ts';
import type { Player } from '../../../shared/state.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';
import { flagsWithHost, isStageHost } from './stageHost.ts';

/**
 * The event's host in one shard: the host's phase moves (`MSG.hostPhase`, checked against the live
 * invites at every command, so a revoked host is refused at once though its connection stays), and
 * the `host` flag on the player of the shown event's invited host (the stage, spotlight and name plate
 * every visitor sees), set on join, when the shown event changes and cleared when the invite is revoked.
 */
export const hostFeature: RoomFeature = ({ state, clients, presence, deps }) => {
  let shownId = '';
  const mark = () => {
    for (const client of clients) {
      const player = state.players.get(client.sessionId);
      if (player && client.auth) setHost(player, isStageHost(client.auth, state.event.id, deps.hosts));
    }
  };
  // NOTE: reads `state.event`, which eventFeature (earlier in ARENA_FEATURES, so subscribed first) has just written.
  const watchEvent = () => {
    if (state.event.id === shownId) return;
    shownId = state.event.id;
    mark();
  };
  const revoked = ({ inviteId }: { inviteId: string }) => {
    for (const client of clients) {
      if (client.auth?.hostInviteId !== inviteId) continue;
      const player = state.players.get(client.sessionId);
      if (player) setHost(player, false);
    }
  };
  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.event, watchEvent);
      await presence.subscribe(CHANNEL.hostRevoked, revoked);
      watchEvent();
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.event, watchEvent);
      presence.unsubscribe(CHANNEL.hostRevoked, revoked);
    },
    onJoin(client, player) {
      setHost(player, isStageHost(client.auth as Visitor, state.event.id, deps.hosts));
    },
    messages: {
      [MSG.hostPhase]: ({ client, visitor, data }) => {
        if (!deps.hosts.mayHost(visitor, data.eventId)) {
          return {
            code: ErrorCode.forbidden,
            message: "only the venue admin or this event's host can move it",
            type: MSG.hostPhase,
          };
        }
        deps.venue.events
          .movePhase(data.eventId, data.phase)
          .then((moved) => {
            if (!moved.ok) send(client, MSG.error, { code: moved.code, message: moved.message, type: MSG.hostPhase });
          })
          .catch((err: unknown) => {
            deps.log.error({ err }, 'phase move failed');
            send(client, MSG.error, { code: ErrorCode.internal, message: 'the phase move failed', type: MSG.hostPhase });
          });
        return undefined;
      },
    },
  };
};

function setHost(player: Player, host: boolean): void {
  const flags = flagsWithHost(player.flags ?? 0, host);
  if (flags !== (player.flags ?? 0)) player.flags = flags;
}
