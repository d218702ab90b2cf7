import type { Client, ClientArray, Presence } from '@colyseus/core';
import type { Visitor } from '../../shared/api.ts';
import type { ArenaState } from '../../shared/state.ts';
import type { ChatFilter } from '../together/chatFilter.ts';
import type { ChatShardPort } from '../together/chatShard.ts';
import { createModerationBook } from '../together/moderation.ts';

/** The parts of an ArenaRoom its chat needs. */
export interface ChatRoomParts {
  presence: Presence;
  clients: ClientArray<Client<{ auth: Visitor }>>;
  state: ArenaState;
}

/**
 * Lends a shard's presence, players and clients to its chat (server/together/chatShard.ts). The
 * moderation book lives in presence, so every shard of the venue reads the same mutes and removals.
 */
export function chatPort(room: ChatRoomParts, deps: { filter: ChatFilter; log: ChatShardPort['log'] }): ChatShardPort {
  const { presence, clients, state } = room;
  return {
    presence,
    players: state.players,
    *visitors() {
      for (const c of clients) if (c.auth) yield [c.sessionId, c.auth.id];
    },
    send: (sessionId, type, payload) => clients.getById(sessionId)?.send(type, payload),
    kick: (sessionId, code) => clients.getById(sessionId)?.leave(code),
    filter: deps.filter,
    book: createModerationBook(presence),
    log: deps.log,
  };
}
