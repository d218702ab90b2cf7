import { MSG } from '../../../shared/protocol.ts';
import type { RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
import { createSignalRelay } from './signal.ts';

/** WebRTC signalling: an offer, answer or ICE candidate reaches the one peer it names, in voice range. */
export const signalFeature: RoomFeature = ({ state, clients, events }) => {
  const relay = createSignalRelay();
  return {
    messages: {
      [MSG.signal]: ({ client, data, now }) => {
        const route = relay.route(client, state.players, client.sessionId, data, now);
        if (!route.ok) return route.error;
        send(clients.getById(route.to), MSG.signal, route.event);
        events.emit('talked', { from: client.sessionId, to: [route.to] });
        return undefined;
      },
    },
  };
};
