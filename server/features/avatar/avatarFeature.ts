import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { createAvatarGate } from './avatar.ts';

/** Avatar looks: checked and written onto the player; a new name or colour is told to the shard's features. */
export const avatarFeature: RoomFeature = ({ deps, events }) => {
  // NOTE: a name is shown to everyone, so it passes the chat word filter whole or not at all.
  const gate = createAvatarGate({ catalog: deps.catalog, nameAllowed: (name) => deps.chatFilter.clean(name) === name });
  return {
    messages: {
      [MSG.avatar]: ({ client, visitor, player, data, now }) => {
        // NOTE: an event's invited host keeps the name the venue admin invited them by (the stage's name plate).
        const looks = visitor.role === 'eventHost' ? { ...data, name: visitor.name } : data;
        const error = gate(client, player, looks, now);
        if (error) return error;
        events.emit('renamed', { visitorId: visitor.id, name: player.name, color: player.color });
        return undefined;
      },
    },
  };
};
