import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArenaRoom } from '../../../../../server/room/ArenaRoom.ts';
import { MSG, TAKEN_OVER_CLOSE_CODE, TakenOver } from '../../../../../shared/protocol.ts';
import { startTestServer, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

let server: TestServer;
beforeAll(async () => {
  // NOTE: one client per shard, so the second tab lands in another shard and the takeover crosses the venue's channels.
  server = await startTestServer({ config: { maxClientsPerRoom: 1, sessionRatePerMinute: 1000 } });
});
afterAll(async () => {
  await server?.close();
});

/** Avatars with this name in every shard of the venue. */
async function avatarsNamed(name: string): Promise<number> {
  const shards = await matchMaker.query({ name: 'arena' });
  return shards
    .map((s) => matchMaker.getLocalRoomById(s.roomId) as unknown as ArenaRoom | undefined)
    .reduce((n, room) => n + [...(room?.state.players.values() ?? [])].filter((p) => p.name === name).length, 0);
}

describe('one presence per visitor', () => {
  it('a second join with the same token takes over: the older tab is told why and closed, one avatar is left', async () => {
    const ann = await server.visitor('Ann');
    const first = await server.join(ann.token);
    const told: TakenOver[] = [];
    first.onMessage(MSG.takenOver, (m: unknown) => told.push(TakenOver.parse(m)));
    let closedWith: number | undefined;
    first.onLeave((code) => (closedWith = code));

    const second = await server.join(ann.token);
    expect(second.roomId).not.toBe(first.roomId);
    await until(() => closedWith !== undefined, 'the older tab to be closed');
    expect(closedWith).toBe(TAKEN_OVER_CLOSE_CODE);
    expect(told).toEqual([{ reason: 'another_tab' }]);
    expect(second.connection.isOpen).toBe(true);
    // NOTE: the older tab hears its close before its shard has run onLeave: wait for the shard, not a fixed time.
    await until(async () => (await avatarsNamed('Ann')) === 1, 'one avatar of Ann in the venue');
    expect(server.room(second).state.players.get(second.sessionId)?.name).toBe('Ann');
  });
});
