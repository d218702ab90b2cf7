import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostInviteCreated, HostInvitesResponse } from '../../../../shared/eventHosts.ts';
import { type ErrorBody, MSG } from '../../../../shared/protocol.ts';
import { PLAYER_FLAG } from '../../../../shared/together.ts';
import { eventsFileWith, launchEvent } from '../../support/events.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

/**
 * Brand hosts over the real server: the venue admin's invite links, the host session they open, what
 * that session may run (its own event's phases, drop and raffle) and may not (other events, the venue
 * admin's powers), forward-only phase moves reaching every shard, expiry at the event's end, and a
 * revoke that reaches HTTP and an already-connected room client at once.
 */

const adminToken = 'venue-admin-token-for-hosts';
// NOTE: near the real clock: a host token's `exp` is the event's end, and jose checks it in real time.
let nowMs = Date.now();
const at = (ms: number) => new Date(nowMs + ms).toISOString();
const profile = { name: 'Guest', color: '#336699', locale: 'en', currency: 'USD' } as const;

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({
    now: () => nowMs,
    config: {
      eventsFile: eventsFileWith([launchEvent('file-launch', { startsAt: at(48 * 3_600_000), endsAt: at(49 * 3_600_000) })]),
      adminToken,
      apiRatePerMinute: 10_000,
      sessionRatePerMinute: 10_000,
      maxClientsPerRoom: 1,
    },
  });
  admin = (await server.api().post('/api/session', { ...profile, name: 'Admin', adminToken })).body.token;
  for (const [id, startIn] of [
    ['court-runner-3', 3_600_000],
    ['jersey-night', 30 * 3_600_000],
  ] as const) {
    const event = launchEvent(id, { startsAt: at(startIn), endsAt: at(startIn + 3_600_000), countdownMs: 60_000 });
    expect((await server.api(admin).post('/api/events', event)).status).toBe(201);
  }
});
afterAll(async () => {
  await server?.close();
});

async function invite(eventId: string, name: string): Promise<HostInviteCreated> {
  const res = await server.api(admin).post(`/api/events/${eventId}/hosts`, { name });
  expect(res.status).toBe(201);
  return HostInviteCreated.parse(res.body);
}

async function openLink(link: string) {
  const secret = new URL(link).searchParams.get('host') ?? '';
  return server.api().post('/api/session', { ...profile, hostInvite: secret });
}

const phase = (token: string, eventId: string, to: string) =>
  server.api(token).post(`/api/events/${eventId}/phase`, { phase: to });

describe('host invites', () => {
  it('are made, listed and revoked by the venue admin only', async () => {
    const visitor = await server.visitor('Fan');
    expect((await server.api(visitor.token).post('/api/events/court-runner-3/hosts', { name: 'Mia' })).body.error.code).toBe(
      'forbidden',
    );
    expect((await server.api().post('/api/events/court-runner-3/hosts', { name: 'Mia' })).status).toBe(401);
    expect((await server.api(admin).post('/api/events/no-such-event/hosts', { name: 'Mia' })).status).toBe(404);
    expect((await server.api(admin).post('/api/events/court-runner-3/hosts', { name: '<b>' })).status).toBe(400);

    const made = await invite('court-runner-3', 'Mia Chen');
    expect(made).toMatchObject({ eventId: 'court-runner-3', name: 'Mia Chen', revokedAt: null, expiresAt: at(3_600_000 * 2) });
    expect(made.link).toMatch(/^http:\/\/localhost:2567\/\?host=[A-Za-z0-9_-]{32}$/);
    expect((await server.api(visitor.token).get('/api/events/court-runner-3/hosts')).status).toBe(403);
    const listed = HostInvitesResponse.parse((await server.api(admin).get('/api/events/court-runner-3/hosts')).body);
    expect(listed.invites.map((i) => i.inviteId)).toContain(made.inviteId);
    expect(JSON.stringify(listed)).not.toContain(new URL(made.link).searchParams.get('host'));
    expect((await server.api(visitor.token).delete(`/api/events/court-runner-3/hosts/${made.inviteId}`)).status).toBe(403);
    expect((await server.api(admin).delete(`/api/events/jersey-night/hosts/${made.inviteId}`)).status).toBe(404);
  });

  it("open a session as that event's host, named as invited; a wrong secret is 403", async () => {
    const made = await invite('court-runner-3', 'Mia Chen');
    const opened = await openLink(made.link);
    expect(opened.status).toBe(201);
    expect(opened.body.visitor).toMatchObject({
      name: 'Mia Chen',
      role: 'eventHost',
      hostEventId: 'court-runner-3',
      hostInviteId: made.inviteId,
    });
    const claims = JSON.parse(Buffer.from(opened.body.token.split('.')[1], 'base64url').toString());
    expect(claims.exp).toBe(Math.floor(Date.parse(made.expiresAt) / 1000));
    const wrong = await server.api().post('/api/session', { ...profile, hostInvite: 'x'.repeat(32) });
    expect(wrong.body.error.code).toBe('forbidden');
    // A language change keeps the host role.
    const again = await server.api(opened.body.token).post('/api/session', { ...profile, locale: 'zh-CN' });
    expect(again.body.visitor).toMatchObject({ role: 'eventHost', hostEventId: 'court-runner-3', locale: 'zh-CN' });
  });
});

describe("an event host's session", () => {
  it('runs its own event (phase, drop, raffle, PATCH) and nothing else', async () => {
    const host = (await openLink((await invite('jersey-night', 'Leo')).link)).body.token as string;
    expect((await phase(host, 'court-runner-3', 'countdown')).body.error.code).toBe('forbidden');
    expect((await server.api(host).post('/api/events/court-runner-3/raffle', { prize: {}, winners: 1 })).status).toBe(403);
    expect((await server.api(host).post('/api/events/court-runner-3/drop/open', {})).status).toBe(403);
    expect((await server.api(host).post('/api/events', launchEvent('host-made'))).status).toBe(403);
    expect((await server.api(host).post('/api/events/jersey-night/hosts', { name: 'Friend' })).status).toBe(403);
    const patched = await server.api(host).raw('PATCH', '/api/events/jersey-night', JSON.stringify({ revealMs: 30_000 }));
    expect(patched.status).toBe(200);
    const drop = await server.api(host).post('/api/events/jersey-night/drop', {
      sku: { productId: 'court-runner-2', colourwayId: 'black', size: '42' },
      units: 2,
      prices: { USD: 9900 },
    });
    expect(drop.status).toBe(201);
    expect((await server.api(host).post('/api/events/jersey-night/drop/open', {})).status).toBe(200);

    const room = await server.join(host);
    const errors: ErrorBody[] = [];
    room.onMessage(MSG.error, (e: ErrorBody) => errors.push(e));
    // Named as invited: a rename from the page does not change the name on the stage's plate.
    room.send(MSG.avatar, { name: 'Someone', color: '#123456', jerseyColor: '#123456', jerseyNumber: 7, tryOn: null });
    await until(() => server.room(room).state.players.get(room.sessionId)?.color === '#123456', 'the new looks');
    expect(server.room(room).state.players.get(room.sessionId)?.name).toBe('Leo');
    room.send(MSG.matchControl, { action: 'pause' });
    room.send(MSG.moderate, { action: 'mute', target: room.sessionId });
    await until(() => errors.length === 2, 'two refusals');
    expect(errors.map((e) => [e.type, e.code])).toEqual([
      [MSG.matchControl, 'forbidden'],
      [MSG.moderate, 'forbidden'],
    ]);
    await room.leave();
  });

  it('moves its event forward only, and every shard sees each phase at once', async () => {
    const host = (await openLink((await invite('court-runner-3', 'Mia Chen')).link)).body.token as string;
    // MAX_CLIENTS_PER_ROOM 1: two shards.
    const shards = [
      await server.join((await server.visitor('One')).token),
      await server.join((await server.visitor('Two')).token),
    ];
    expect(shards[0]!.roomId).not.toBe(shards[1]!.roomId);
    for (const shard of shards) await until(() => shard.state.event?.id === 'court-runner-3', 'the event in every shard');

    for (const next of ['countdown', 'reveal', 'live'] as const) {
      const moved = await phase(host, 'court-runner-3', next);
      expect(moved.status).toBe(200);
      expect(moved.body.phase).toBe(next);
      for (const shard of shards) await until(() => shard.state.event?.phase === next, `${next} in every shard`);
    }
    const back = await phase(host, 'court-runner-3', 'countdown');
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({ code: 'phase_not_forward' });
    expect(back.body.error.message).toContain('live');
    expect((await phase(host, 'court-runner-3', 'live')).body.error.code).toBe('phase_not_forward');
    expect((await server.api().get('/api/events/court-runner-3')).body.phase).toBe('live');
    expect((await phase(admin, 'file-launch', 'countdown')).body.error.code).toBe('event_conflict');
    expect((await phase(host, 'court-runner-3', 'backstage')).status).toBe(400);
    for (const shard of shards) await shard.leave();
  });

  it('stands on the stage (the host flag) for every visitor, and a revoke reaches HTTP and its open room at once', async () => {
    const made = await invite('court-runner-3', 'Mia Chen');
    const host = (await openLink(made.link)).body.token as string;
    const hostRoom = await server.join(host);
    const fan = await server.join((await server.visitor('Fan')).token);
    await until(() => ((hostRoom.state.players.get(hostRoom.sessionId)?.flags ?? 0) & PLAYER_FLAG.host) !== 0, 'the host flag');
    // While the stage is up (live), a visitor who walks onto it is placed at its rim; the host stays.
    fan.send(MSG.pose, { x: 0, y: 165, z: 100, yaw: 0, pitch: 0 });
    hostRoom.send(MSG.pose, { x: 0, y: 215, z: 120, yaw: 0, pitch: 0 });
    const fanPlayer = () => server.room(fan).state.players.get(fan.sessionId);
    const hostPlayer = () => server.room(hostRoom).state.players.get(hostRoom.sessionId);
    await until(() => fanPlayer()?.z === 280 && hostPlayer()?.z === 120, 'the fan at the rim, the host on the stage');

    const errors: ErrorBody[] = [];
    hostRoom.onMessage(MSG.error, (e: ErrorBody) => errors.push(e));
    expect((await server.api(admin).delete(`/api/events/court-runner-3/hosts/${made.inviteId}`)).body.revokedAt).toBeTruthy();
    expect((await phase(host, 'court-runner-3', 'ended')).status).toBe(401);
    hostRoom.send(MSG.hostPhase, { eventId: 'court-runner-3', phase: 'ended' });
    await until(() => errors.length === 1, 'the refused room command');
    expect(errors[0]).toMatchObject({ type: MSG.hostPhase, code: 'forbidden' });
    await until(() => ((hostPlayer()?.flags ?? 0) & PLAYER_FLAG.host) === 0, 'the host flag cleared');
    expect((await openLink(made.link)).body.error.code).toBe('forbidden');
    expect((await server.api().get('/api/events/court-runner-3')).body.phase).toBe('live');
    await hostRoom.leave();
    await fan.leave();
  });

  it("ends with the event: after the event's end the session and the link are refused", async () => {
    const made = await invite('jersey-night', 'Leo');
    const host = (await openLink(made.link)).body.token as string;
    const room = await server.join(host);
    expect((await phase(host, 'jersey-night', 'countdown')).status).toBe(200);
    room.send(MSG.hostPhase, { eventId: 'jersey-night', phase: 'reveal' });
    await until(
      async () => (await server.api().get('/api/events/jersey-night')).body.phase === 'reveal',
      'reveal by room command',
    );
    const errors: ErrorBody[] = [];
    room.onMessage(MSG.error, (e: ErrorBody) => errors.push(e));
    nowMs = Date.parse(made.expiresAt) + 1;
    expect((await server.api(host).post('/api/events/jersey-night/drop/close', {})).status).toBe(401);
    expect((await openLink(made.link)).body.error.code).toBe('forbidden');
    room.send(MSG.hostPhase, { eventId: 'jersey-night', phase: 'ended' });
    await until(() => errors.length === 1, 'the refused room command');
    expect(errors[0]).toMatchObject({ code: 'forbidden' });
    await room.leave();
  });
});
