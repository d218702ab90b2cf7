import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MSG, type ErrorBody } from '../../../../../shared/protocol.ts';
import { NO_JERSEY_NUMBER, type AvatarSend } from '../../../../../shared/together.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function visitor(name: string) {
  const { token } = await server.visitor(name, '#336699');
  const room = await server.join(token);
  const errors: ErrorBody[] = [];
  room.onMessage(MSG.error, (e: ErrorBody) => errors.push(e));
  return { room, errors };
}

const looksOf = (room: ArenaClientRoom, id: string) => {
  const p = room.state.players.get(id);
  return p && { name: p.name, color: p.color, jerseyColor: p.jerseyColor, jerseyNumber: p.jerseyNumber, tryOn: p.tryOn ?? '' };
};

const base: AvatarSend = { name: 'Ann', color: '#336699', jerseyColor: '#336699', jerseyNumber: NO_JERSEY_NUMBER, tryOn: null };

describe('avatar looks', () => {
  it('an avatar change lands on the player and another visitor sees it; a bad one changes nothing', async () => {
    const ann = await visitor('Ann');
    const bob = await visitor('Bob');
    await until(() => looksOf(bob.room, ann.room.sessionId) !== undefined, 'Bob to see Ann');
    expect(looksOf(bob.room, ann.room.sessionId)).toEqual({ ...base, tryOn: '' });

    const looks: AvatarSend = {
      name: 'Ann the Great',
      color: '#E4572E',
      jerseyColor: '#17BEBB',
      jerseyNumber: 23,
      tryOn: { productId: 'home-jersey', colourwayId: 'gold' },
    };
    ann.room.send(MSG.avatar, looks);
    await until(() => looksOf(bob.room, ann.room.sessionId)?.jerseyNumber === 23, "Bob to see Ann's new looks");
    const applied = {
      name: 'Ann the Great',
      color: '#e4572e',
      jerseyColor: '#17bebb',
      jerseyNumber: 23,
      tryOn: 'home-jersey:gold',
    };
    expect(looksOf(bob.room, ann.room.sessionId)).toEqual(applied);

    // Shoes can be tried on too; a ball cannot, nor a colourway the catalog lacks, nor a bad name.
    ann.room.send(MSG.avatar, { ...looks, tryOn: { productId: 'court-runner-2', colourwayId: 'black' } });
    await until(() => looksOf(bob.room, ann.room.sessionId)?.tryOn === 'court-runner-2:black', 'shoes on');
    const rejected: unknown[] = [
      { ...looks, tryOn: { productId: 'street-ball', colourwayId: 'black' } },
      { ...looks, tryOn: { productId: 'home-jersey', colourwayId: 'purple' } },
      { ...looks, tryOn: { productId: 'no-such-thing', colourwayId: 'gold' } },
      { ...looks, name: 'fuck this' },
      { ...looks, name: '<script>' },
      { ...looks, name: '   ' },
      { ...looks, jerseyNumber: 100 },
      { ...looks, color: 'red' },
      { ...looks, extra: 1 },
    ];
    for (const bad of rejected) ann.room.send(MSG.avatar, bad);
    await until(() => ann.errors.length === rejected.length, 'every bad look to be refused');
    expect(ann.errors.map((e) => e.code)).toEqual([
      'bad_request',
      'bad_request',
      'bad_request',
      'bad_request',
      'invalid_message',
      'invalid_message',
      'invalid_message',
      'invalid_message',
      'invalid_message',
    ]);
    expect(ann.errors[0]?.message).toContain('balls cannot be tried on');
    expect(server.room(ann.room).state.players.get(ann.room.sessionId)?.tryOn).toBe('court-runner-2:black');
    expect(looksOf(bob.room, ann.room.sessionId)).toEqual({ ...applied, tryOn: 'court-runner-2:black' });

    // Taking it off clears the field for everyone.
    ann.room.send(MSG.avatar, { ...looks, tryOn: null });
    await until(() => looksOf(bob.room, ann.room.sessionId)?.tryOn === '', 'the try-on to come off');
  });
});
