import type { Visitor } from '../../../shared/api.ts';
import { MSG } from '../../../shared/protocol.ts';
import { REMOVED_CLOSE_CODE } from '../../../shared/together.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';
import { flagsWithMute } from '../status/status.ts';
import { createModerationBook, moderationTarget, type ModerationAction } from './moderation.ts';

/**
 * The venue admin's mutes and removals. The book lives in presence, so every shard reads the same
 * one; an action is recorded there first, then applied in every shard through `CHANNEL.moderation`.
 * A removed visitor is refused at the door (`arenaRoomFor`'s seat check reads the same book); a muted one is muted again when they come back.
 */
export const moderationFeature: RoomFeature = ({ state, clients, presence, deps }) => {
  const book = createModerationBook(presence);
  const apply = ({ action, visitorId }: ModerationAction) => {
    for (const client of clients) {
      if (client.auth?.id !== visitorId) continue;
      if (action === 'remove') {
        client.leave(REMOVED_CLOSE_CODE);
        continue;
      }
      const player = state.players.get(client.sessionId);
      if (player) player.flags = flagsWithMute(player.flags ?? 0, action === 'mute');
      send(client, MSG.moderation, { muted: action === 'mute' });
    }
  };
  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.moderation, apply);
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.moderation, apply);
    },
    onJoin(client) {
      const visitorId = (client.auth as Visitor).id;
      book
        .isMuted(visitorId)
        .then((muted) => muted && apply({ action: 'mute', visitorId }))
        .catch((err) => deps.log.error({ err }, 'mute lookup on join failed'));
    },
    messages: {
      [MSG.moderate]: ({ client, visitor, data, now }) => {
        const visitors = new Map([...clients].flatMap((c) => (c.auth ? [[c.sessionId, c.auth.id] as const] : [])));
        const found = moderationTarget(visitor.role, data, client.sessionId, (id) => visitors.get(id));
        if (!found.ok) return found.error;
        book
          .record(found.target, now)
          .then(() => presence.publish(CHANNEL.moderation, found.target))
          .catch((err: unknown) => deps.log.error({ err }, 'moderation could not be recorded'));
        return undefined;
      },
    },
  };
};
