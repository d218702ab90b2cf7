import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../../../shared/api.ts';
import { MSG, type ErrorBody } from '../../../../../shared/protocol.ts';
import type { StageSignalEvent, StageSignalSend } from '../../../../../shared/stageVoice.ts';
import { eventsFileWith, launchEvent } from '../../../support/events.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

const ADMIN_TOKEN = 'direct-stage-admin-token';
const EVENT = 'direct-launch';
const eventsFile = eventsFileWith([
  launchEvent(EVENT, {
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  }),
  'later-launch',
]);

let server: TestServer;
beforeAll(async () => {
  // One visitor per shard: every relay below crosses shards; two seats on the direct stage.
  server = await startTestServer({
    config: { adminToken: ADMIN_TOKEN, eventsFile, maxClientsPerRoom: 1, stageDirectListeners: 2 },
  });
});
afterAll(async () => {
  await server?.close();
});

interface Visitor {
  room: ArenaClientRoom;
  errors: ErrorBody[];
  got: StageSignalEvent[];
  send(signal: StageSignalSend): void;
}

function wire(room: ArenaClientRoom): Visitor {
  const v: Visitor = { room, errors: [], got: [], send: (s) => room.send(MSG.stageSignal, s) };
  room.onMessage(MSG.error, (e: ErrorBody) => v.errors.push(e));
  room.onMessage(MSG.stageSignal, (s: StageSignalEvent) => v.got.push(s));
  return v;
}

async function fan(name: string): Promise<Visitor> {
  return wire(await server.join((await server.visitor(name)).token));
}

async function admin(): Promise<Visitor> {
  const res = await server
    .api()
    .post(API.session, { name: 'Host', color: '#ffffff', locale: 'en', currency: 'USD', adminToken: ADMIN_TOKEN });
  expect(res.status).toBe(201);
  return wire(await server.join(res.body.token as string));
}

const gets = (v: Visitor, kind: StageSignalEvent['kind'], what: string) =>
  until(() => v.got.some((s) => s.kind === kind), what).then(() => v.got.find((s) => s.kind === kind) as StageSignalEvent);
const errorOf = async (v: Visitor, what: string) => {
  await until(() => v.errors.length > 0, what);
  return v.errors.shift() as ErrorBody;
};

describe('the direct stage voice across shards (no media server)', () => {
  let host: Visitor;
  let ann: Visitor;
  let bo: Visitor;

  beforeAll(async () => {
    host = await admin();
    ann = await fan('Ann');
    bo = await fan('Bo');
    expect(new Set([host, ann, bo].map((v) => v.room.roomId)).size).toBe(3);
  });

  it("relays the host's offer to a listener in another shard and its answer back", async () => {
    ann.send({ kind: 'listen', eventId: EVENT });
    expect(await gets(ann, 'seated', 'Ann seated')).toMatchObject({ from: ann.room.sessionId });
    host.send({ kind: 'onAir', eventId: EVENT, on: true });
    expect(await gets(host, 'listen', 'the host to hear of Ann')).toEqual({
      kind: 'listen',
      eventId: EVENT,
      from: ann.room.sessionId,
    });

    host.send({ kind: 'offer', eventId: EVENT, to: ann.room.sessionId, sdp: 'v=0 host offer' });
    expect(await gets(ann, 'offer', "the host's offer")).toEqual({
      kind: 'offer',
      eventId: EVENT,
      from: host.room.sessionId,
      sdp: 'v=0 host offer',
    });
    ann.send({ kind: 'answer', eventId: EVENT, sdp: 'v=0 ann answer' });
    expect(await gets(host, 'answer', "Ann's answer")).toMatchObject({ from: ann.room.sessionId, sdp: 'v=0 ann answer' });
    // Bo, in a third shard and without a seat, heard none of it.
    expect(bo.got).toEqual([]);
  });

  it('lets no visitor act as the sender', async () => {
    bo.send({ kind: 'onAir', eventId: EVENT, on: true });
    expect(await errorOf(bo, 'onAir refused')).toMatchObject({ code: 'forbidden', type: MSG.stageSignal });
    bo.send({ kind: 'offer', eventId: EVENT, to: ann.room.sessionId, sdp: 'v=0 fake' });
    expect(await errorOf(bo, 'offer refused')).toMatchObject({ code: 'forbidden', type: MSG.stageSignal });
    // Nor answer a host without a seat, nor reach an event not on stage.
    bo.send({ kind: 'answer', eventId: EVENT, sdp: 'v=0 fake' });
    expect((await errorOf(bo, 'answer refused')).code).toBe('forbidden');
    bo.send({ kind: 'listen', eventId: 'later-launch' });
    expect((await errorOf(bo, 'listen refused')).code).toBe('stage_voice_closed');
    expect(ann.got.filter((s) => s.kind === 'offer')).toHaveLength(1);
  });

  it('refuses the listener past STAGE_DIRECT_LISTENERS with stage_full, and seats them once a seat is free', async () => {
    bo.send({ kind: 'listen', eventId: EVENT });
    await gets(bo, 'seated', 'Bo seated');
    const cy = await fan('Cy');
    cy.send({ kind: 'listen', eventId: EVENT });
    const full = await errorOf(cy, 'the third listener refused');
    expect(full).toMatchObject({ code: 'stage_full', type: MSG.stageSignal });
    expect(full.message).toContain('full (2 listeners)');
    expect(cy.got).toEqual([]);

    // Ann leaves the venue: the host hears bye, and the seat is Cy's.
    await ann.room.leave(true);
    await until(() => host.got.some((s) => s.kind === 'bye' && s.from === ann.room.sessionId), 'bye to the host');
    cy.send({ kind: 'listen', eventId: EVENT });
    await gets(cy, 'seated', 'Cy seated');
    await until(() => host.got.some((s) => s.kind === 'listen' && s.from === cy.room.sessionId), 'the host to hear of Cy');
  });

  it('refuses bad payloads as invalid_message, relays nothing, and the shard carries on', async () => {
    const before = bo.got.length;
    const bad: unknown[] = [
      { kind: 'offer', eventId: EVENT, to: bo.room.sessionId },
      { kind: 'listen' },
      { kind: 'listen', eventId: 'Not An Id!' },
      { kind: 'answer', eventId: EVENT, sdp: 'x'.repeat(20_001) },
      { kind: 'shout', eventId: EVENT },
      { kind: 'onAir', eventId: EVENT, on: 'yes' },
      'listen',
      null,
    ];
    for (const payload of bad) host.room.send(MSG.stageSignal, payload);
    await until(() => host.errors.length >= bad.length, 'every bad payload answered');
    expect(new Set(host.errors.splice(0).map((e) => e.code))).toEqual(new Set(['invalid_message']));
    host.send({ kind: 'offer', eventId: EVENT, to: bo.room.sessionId, sdp: 'v=0 still here' });
    await until(() => bo.got.some((s) => s.kind === 'offer'), 'a good offer after the bad ones');
    expect(bo.got.slice(before).map((s) => s.kind)).toEqual(['offer']);
  });

  it('lets pages leave a stage that is not on now (bye, off air) without an error', async () => {
    host.errors.length = 0;
    bo.errors.length = 0;
    host.send({ kind: 'onAir', eventId: 'later-launch', on: false });
    bo.send({ kind: 'bye', eventId: 'later-launch' });
    // Fences: refused, and answered after what was sent before them.
    host.send({ kind: 'onAir', eventId: 'later-launch', on: true });
    bo.send({ kind: 'listen', eventId: 'later-launch' });
    await until(() => host.errors.length > 0 && bo.errors.length > 0, 'the fences answered');
    expect([...host.errors, ...bo.errors].map((e) => e.code)).toEqual(['stage_voice_closed', 'stage_voice_closed']);
  });
});
