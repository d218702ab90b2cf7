import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventsResponse } from '../../../../shared/events.ts';
import { DEMO_APPROVE_CARD } from '../../../../shared/api.ts';
import { card, fillCart, line } from '../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

/**
 * Launch events over the real server and database: EVENTS_FILE's schedule by the server's clock, the
 * calendar file, the venue admin's POST and PATCH reaching every shard's `state.event`, and live-only
 * prices charged only while the event is live.
 */

const adminToken = 'venue-admin-token-for-events';
const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
let nowMs = Date.parse('2026-12-07T12:00:00.000Z');
const at = (ms: number) => new Date(nowMs + ms).toISOString();
const soon = {
  id: 'court-runner-3',
  title: text('Court Runner 3 launch', 'Court Runner 3 发布会'),
  summary: text('Revealed on center court', '中场揭幕'),
  heroProductId: 'court-runner-2',
  heroColourwayId: 'black',
  startsAt: at(60_000),
  endsAt: at(60_000 + 600_000),
  countdownMs: 120_000,
  livePrices: [{ productId: 'court-runner-2', prices: { USD: 10900 } }],
};
const past = { ...soon, id: 'winter-drop', startsAt: at(-7_200_000), endsAt: at(-3_600_000), livePrices: [] };

let server: TestServer;
let admin: string;
beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-events-')), 'events.json');
  fs.writeFileSync(file, JSON.stringify({ events: [soon, past] }));
  server = await startTestServer({
    now: () => nowMs,
    config: { eventsFile: file, adminToken, apiRatePerMinute: 10_000, maxClientsPerRoom: 1 },
  });
  admin = (
    await server.api().post('/api/session', { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken })
  ).body.token;
});
afterAll(async () => {
  await server?.close();
});

describe('launch events over HTTP', () => {
  it('lists the schedule with each phase by the server clock: upcoming and live first, then past ones', async () => {
    const res = await server.api().get('/api/events');
    expect(res.status).toBe(200);
    const body = EventsResponse.parse(res.body);
    expect(body.serverTime).toBe(nowMs);
    expect(body.events.map((e) => [e.id, e.phase])).toEqual([
      ['court-runner-3', 'countdown'],
      ['winter-drop', 'ended'],
    ]);
    expect((await server.api().get('/api/events/court-runner-3')).body).toMatchObject({
      id: 'court-runner-3',
      phase: 'countdown',
    });
    expect((await server.api().get('/api/events/nope')).body.error.code).toBe('not_found');
  });

  it('gives an event as a calendar file in the asked language, from its countdown to its end, with the share link', async () => {
    const res = await server.api().get('/api/events/court-runner-3/calendar.ics?lang=zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = String(res.body);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('SUMMARY:Court Runner 3 发布会');
    expect(ics).toContain('DTSTART:20261207T115900Z');
    expect(ics).toContain('DTEND:20261207T121100Z');
    expect(ics).toMatch(/URL;VALUE=URI:http:\/\/localhost:2567\/\?event=court-runner-3/);
    expect((await server.api().get('/api/events/nope/calendar.ics')).status).toBe(404);
  });

  it('lets only the venue admin schedule and change events, each checked against the catalog', async () => {
    const visitor = await server.visitor('Fan');
    const event = { ...soon, id: 'jersey-night', startsAt: at(3_600_000), endsAt: at(7_200_000), livePrices: [] };
    expect((await server.api(visitor.token).post('/api/events', event)).body.error.code).toBe('forbidden');
    expect((await server.api().post('/api/events', event)).status).toBe(401);
    const bad = await server.api(admin).post('/api/events', { ...event, heroProductId: 'moon-boot' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('"moon-boot" is not in the catalog');
    expect((await server.api(admin).post('/api/events', { ...event, endsAt: event.startsAt })).status).toBe(400);

    const created = await server.api(admin).post('/api/events', event);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'jersey-night', phase: 'upcoming' });
    expect((await server.api(admin).post('/api/events', event)).body.error.code).toBe('event_conflict');
    expect((await server.api(admin).post('/api/events', { ...event, id: 'court-runner-3' })).body.error.code).toBe(
      'event_conflict',
    );

    const patched = await server
      .api(admin)
      .raw('PATCH', '/api/events/jersey-night', JSON.stringify({ title: text('Jersey night', '球衣之夜') }));
    expect(patched.status).toBe(200);
    expect(patched.body.title.en).toBe('Jersey night');
    expect((await server.api().get('/api/events/jersey-night')).body.title['zh-CN']).toBe('球衣之夜');
    const fromFile = await server.api(admin).raw('PATCH', '/api/events/court-runner-3', JSON.stringify({ revealMs: 30_000 }));
    expect(fromFile.body.error).toMatchObject({ code: 'event_conflict' });
    expect(fromFile.body.error.message).toContain('EVENTS_FILE');
    expect((await server.api(admin).raw('PATCH', '/api/events/jersey-night', JSON.stringify({ id: 'x' }))).status).toBe(400);
  });

  it('shows every shard the event the venue decides, and switches when the admin schedules one that is revealing', async () => {
    // One visitor per shard (MAX_CLIENTS_PER_ROOM 1): two shards.
    const shards = [
      await server.join((await server.visitor('One')).token),
      await server.join((await server.visitor('Two')).token),
    ];
    expect(shards[0]!.roomId).not.toBe(shards[1]!.roomId);
    for (const shard of shards) {
      await until(() => shard.state.event?.id === 'court-runner-3', 'the event in the room state');
      expect(shard.state.event).toMatchObject({
        phase: 'countdown',
        startsAtMs: Date.parse(soon.startsAt),
        countdownMs: 120_000,
      });
    }
    const now = { ...soon, id: 'flash-reveal', startsAt: at(-1_000), endsAt: at(300_000), livePrices: [] };
    expect((await server.api(admin).post('/api/events', now)).status).toBe(201);
    for (const shard of shards) {
      await until(() => shard.state.event?.id === 'flash-reveal', 'the revealing event in every shard');
      expect(shard.state.event?.phase).toBe('reveal');
    }
    for (const shard of shards) await shard.leave();
  });

  it('charges the live-only price while the event is live, and the regular price before and after', async () => {
    const buyer = await server.visitor('Buyer');
    const api = server.api(buyer.token);
    const shoe = line('court-runner-2', 'black', '43', 1);
    const order = async (key: string) =>
      api.order({ currency: 'USD', cartVersion: await fillCart(api, [shoe]), payment: card(DEMO_APPROVE_CARD) }, key);
    const before = await order('live-price-01');
    expect(before.body.lines[0].unitPrice).toBe(12900);
    nowMs += 60_000 + 20_000; // the reveal is over: live
    const live = await order('live-price-02');
    expect(live.status).toBe(201);
    expect(live.body.lines[0].unitPrice).toBe(10900);
    nowMs += 600_000; // ended
    const after = await order('live-price-03');
    expect(after.body.lines[0].unitPrice).toBe(12900);
  });
});

describe('the venue event clock', () => {
  it('publishes the phase change at its edge by itself: countdown, then the reveal, in the room state', async () => {
    const live = await startTestServer({ config: { adminToken } });
    try {
      const token = (
        await live.api().post('/api/session', { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken })
      ).body.token;
      const room = await live.join((await live.visitor('Clock')).token);
      const startsAt = Date.now() + 3_000;
      const event = {
        ...soon,
        id: 'edge-test',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 60_000).toISOString(),
      };
      expect((await live.api(token).post('/api/events', event)).body.phase).toBe('countdown');
      await until(() => room.state.event?.id === 'edge-test', 'the event');
      expect(room.state.event?.phase).toBe('countdown');
      await until(() => room.state.event?.phase === 'reveal', 'the reveal');
      expect(Date.now()).toBeGreaterThanOrEqual(startsAt - 5);
      await room.leave();
    } finally {
      await live.close();
    }
  });
});
