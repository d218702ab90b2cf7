import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../../shared/api.ts';
import { RaffleEntryResponse, RaffleProof, rafflePath } from '../../../../shared/raffle.ts';
import { commitmentOf } from '../../../../shared/raffleDraw.ts';
import { verifyRaffle } from '../../../../shared/raffleVerify.ts';
import { eventsFileWith } from '../../support/events.ts';
import { makeDataDir, removeDataDir, startTestServer, type TestServer } from '../../support/testServer.ts';

const adminToken = 'venue-admin-token-for-raffles';
/** The events these raffles belong to (EVENTS_FILE). */
const config = {
  apiRatePerMinute: 10_000,
  adminToken,
  eventsFile: eventsFileWith(['jersey-launch', 'restart-launch', 'steps-launch', 'race-launch']),
};
const prize = { en: 'A signed jersey', 'zh-CN': '签名球衣' };

const dataDir = makeDataDir();
let server: TestServer;
let host: string;

async function hostToken(s: TestServer): Promise<string> {
  const res = await s.api().post(API.session, { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken });
  expect(res.status).toBe(201);
  return res.body.token as string;
}

beforeAll(async () => {
  server = await startTestServer({ dataDir, config });
  host = await hostToken(server);
});
afterAll(async () => {
  await server?.close();
  await removeDataDir(dataDir);
});

const path = (eventId: string) => rafflePath(API.events, eventId);

describe('a raffle from commitment to reveal', () => {
  it('commits, takes one entry per visitor while open, publishes the list at close and the seed at reveal', async () => {
    const raffle = path('jersey-launch');
    const created = await server.api(host).post(raffle, { prize, winnersCount: 2 });
    expect(created.status).toBe(201);
    const committed = RaffleProof.parse(created.body);
    expect(committed).toMatchObject({ state: 'committed', seed: null, entrants: null, entrantCount: 0, winnersCount: 2 });

    const visitors = await Promise.all(['Ann', 'Bo', 'Cy', 'Di'].map((name) => server.visitor(name)));
    const early = await server.api(visitors[0]!.token).post(`${raffle}/entries`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('raffle_not_open');

    const visitorOpen = await server.api(visitors[0]!.token).post(`${raffle}/open`, {});
    expect(visitorOpen.status).toBe(403);
    expect((await server.api().get(raffle)).body.state).toBe('committed');
    expect((await server.api(host).post(`${raffle}/open`, {})).status).toBe(200);

    const entries: string[] = [];
    for (const v of visitors) {
      const res = await server.api(v.token).post(`${raffle}/entries`, {});
      expect(res.status).toBe(201);
      entries.push(RaffleEntryResponse.parse(res.body).entryId);
    }
    const again = await server.api(visitors[1]!.token).post(`${raffle}/entries`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'raffle_already_entered', entryId: entries[1] });
    const mine = await server.api(visitors[1]!.token).get(`${raffle}/entries/me`);
    expect(mine.body).toEqual({ eventId: 'jersey-launch', entryId: entries[1] });

    const whileOpen = RaffleProof.parse((await server.api().get(raffle)).body);
    expect(whileOpen).toMatchObject({ state: 'open', entrantCount: 4, entrants: null, entrantsHash: null, seed: null });
    expect((await server.api(host).post(`${raffle}/reveal`, {})).body.error.code).toBe('raffle_out_of_order');

    const closed = RaffleProof.parse((await server.api(host).post(`${raffle}/close`, {})).body);
    expect(closed.entrants).toEqual([...entries].sort());
    expect(closed.seed).toBeNull();
    const late = await server.visitor('Late');
    const lateEntry = await server.api(late.token).post(`${raffle}/entries`, {});
    expect(lateEntry.status).toBe(409);
    expect(lateEntry.body.error.code).toBe('raffle_not_open');

    const revealed = RaffleProof.parse((await server.api(host).post(`${raffle}/reveal`, {})).body);
    expect(revealed.state).toBe('revealed');
    expect(revealed.entrants).toEqual(closed.entrants);
    expect(revealed.entrantsHash).toBe(closed.entrantsHash);
    expect(await commitmentOf(revealed.seed!)).toBe(committed.commitment);
    expect(revealed.winners).toHaveLength(2);
    for (const w of revealed.winners!) expect(entries).toContain(w);

    const publicProof = (await server.api().get(raffle)).body;
    expect(publicProof).toEqual(revealed);
    // Nothing in the proof names a visitor.
    for (const v of visitors) expect(JSON.stringify(publicProof)).not.toContain(v.id);
    const verdict = await verifyRaffle(publicProof, { myEntry: entries[0]! });
    expect(verdict.failed).toEqual([]);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const raffle = path('steps-launch');
    const visitor = await server.visitor();
    expect((await server.api(visitor.token).post(raffle, { prize, winnersCount: 1 })).status).toBe(403);
    expect((await server.api().get(raffle)).status).toBe(404);
    const bad = await server.api(host).post(raffle, { prize, winnersCount: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect((await server.api(host).post(path('no-such-event'), { prize, winnersCount: 1 })).status).toBe(404);
    expect((await server.api(host).post(raffle, { prize, winnersCount: 1 })).status).toBe(201);
    const twice = await server.api(host).post(raffle, { prize, winnersCount: 3 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('raffle_out_of_order');
    expect((await server.api(host).post(`${raffle}/close`, {})).body.error.code).toBe('raffle_out_of_order');
    expect((await server.api().post(`${raffle}/open`, {})).status).toBe(401);
    expect((await server.api(host).post(`${raffle}/open`, { force: true })).status).toBe(400);
    expect((await server.api(visitor.token).post(`${path('no-such-event')}/entries`, {})).status).toBe(404);
    expect((await server.api(visitor.token).get(`${raffle}/entries/me`)).status).toBe(404);
    expect((await server.api().get(raffle)).body).toMatchObject({ state: 'committed', winnersCount: 1, entrantCount: 0 });
  });
});

describe('entries racing the close', () => {
  it('lists exactly the entries that were accepted, none that were refused', async () => {
    const raffle = path('race-launch');
    await server.api(host).post(raffle, { prize, winnersCount: 3 });
    await server.api(host).post(`${raffle}/open`, {});
    const visitors = await Promise.all(Array.from({ length: 24 }, (_, i) => server.visitor(`Racer ${i}`)));
    const enter = (token: string) => server.api(token).post(`${raffle}/entries`, {});
    const [early, [closed, late]] = await Promise.all([
      Promise.all(visitors.slice(0, 12).map((v) => enter(v.token))),
      Promise.all([server.api(host).post(`${raffle}/close`, {}), Promise.all(visitors.slice(12).map((v) => enter(v.token)))]),
    ]);
    expect(closed.status).toBe(200);
    const answers = [...early, ...late];
    const accepted = answers.filter((r) => r.status === 201).map((r) => r.body.entryId as string);
    expect(answers.filter((r) => r.status !== 201).map((r) => r.body.error.code)).toEqual(
      Array(answers.length - accepted.length).fill('raffle_not_open'),
    );
    expect(RaffleProof.parse(closed.body).entrants).toEqual([...accepted].sort());
    const revealed = (await server.api(host).post(`${raffle}/reveal`, {})).body;
    expect((await verifyRaffle(revealed)).failed).toEqual([]);
  });
});

describe('a raffle across a restart', () => {
  it('keeps its seed, state and entries, and the revealed proof still verifies', async () => {
    const raffle = path('restart-launch');
    await server.api(host).post(raffle, { prize, winnersCount: 1 });
    await server.api(host).post(`${raffle}/open`, {});
    const before = await Promise.all([server.visitor('Eve'), server.visitor('Fay')]);
    const ids: string[] = [];
    for (const v of before) ids.push((await server.api(v.token).post(`${raffle}/entries`, {})).body.entryId);
    const committed = (await server.api().get(raffle)).body.commitment;

    await server.close();
    server = await startTestServer({ dataDir, config });
    host = await hostToken(server);

    expect((await server.api().get(raffle)).body).toMatchObject({ state: 'open', entrantCount: 2, commitment: committed });
    // The visitor token outlives the restart, and the one-entry rule with it.
    const again = await server.api(before[0]!.token).post(`${raffle}/entries`, {});
    expect(again.body.error).toMatchObject({ code: 'raffle_already_entered', entryId: ids[0] });
    const after = await server.visitor('Gus');
    ids.push((await server.api(after.token).post(`${raffle}/entries`, {})).body.entryId);
    await server.api(host).post(`${raffle}/close`, {});
    const revealed = RaffleProof.parse((await server.api(host).post(`${raffle}/reveal`, {})).body);
    expect(revealed.entrants).toEqual([...ids].sort());
    expect(revealed.commitment).toBe(committed);
    expect((await verifyRaffle(revealed)).failed).toEqual([]);
  });
});
