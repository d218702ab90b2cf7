import type { Visitor } from '../../../shared/api.ts';
import { MSG, TAKEN_OVER_CLOSE_CODE } from '../../../shared/protocol.ts';
import type { ArenaClient, RoomFeature } from '../../room/feature.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';
import { isOlderJoin, type VisitorJoined } from './takeover.ts';

/**
 * One presence per visitor: when a visitor joins (a new tab or device, in any shard), their older
 * connections everywhere are told why and closed, so others see one avatar; a seat held for their
 * dropped connection is given up. A Colyseus reconnection of the same tab keeps its session and
 * never joins again, so it takes nothing over.
 */
export const presenceFeature: RoomFeature = ({ clients, presence, holds }) => {
  const joins = new Map<string, VisitorJoined>();
  const takeOver = (newer: VisitorJoined) => {
    holds.releaseVisitor(newer.visitorId, newer.sessionId);
    for (const client of [...clients] as ArenaClient[]) {
      const mine = joins.get(client.sessionId);
      if (!mine || mine.visitorId !== newer.visitorId || !isOlderJoin(mine, newer)) continue;
      joins.delete(client.sessionId);
      send(client, MSG.takenOver, { reason: 'another_tab' });
      client.leave(TAKEN_OVER_CLOSE_CODE);
    }
  };
  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.visitorJoined, takeOver);
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.visitorJoined, takeOver);
    },
    onJoin(client, _player, now) {
      const joined: VisitorJoined = { visitorId: (client.auth as Visitor).id, sessionId: client.sessionId, at: now };
      joins.set(client.sessionId, joined);
      void presence.publish(CHANNEL.visitorJoined, joined);
    },
    onLeave(client) {
      joins.delete(client.sessionId);
    },
  };
};
