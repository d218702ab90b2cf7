import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPosition } from '../../../../../shared/match.ts';
import { MSG, type ErrorBody, type TimePong } from '../../../../../shared/protocol.ts';
import { TIME_RATE_LIMIT } from '../../../../../server/features/clock/clockFeature.ts';
import type { MatchClock } from '../../../../../shared/state.ts';
import { estimateServerOffset, localNow } from '../../../support/clockSync.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

/** 10 s, loops; angles `wide` and `close`; moments `dunk` at 1.5–2.5 s and `jersey` at 6–7 s. */
const matchConfigFile = path.resolve(import.meta.dirname, '../../../support/match/match.json');
const DURATION = 10_000;
const ADMIN_TOKEN = 'test-venue-admin-token';

let server: TestServer;
/** When set, the rooms' rate-limit clock stands still here, and a test moves it on instead of waiting. */
let stoppedAt: number | null = null;
beforeAll(async () => {
  // NOTE: one visitor per shard, so everything below also proves the clock is venue-wide (presence).
  server = await startTestServer({
    config: { matchConfigFile, adminToken: ADMIN_TOKEN, maxClientsPerRoom: 1, sessionRatePerMinute: 1000 },
    now: () => stoppedAt ?? Date.now(),
  });
});
afterAll(async () => {
  await server?.close();
});

async function host(): Promise<ArenaClientRoom> {
  const res = await server
    .api()
    .post('/api/session', { name: 'Host', color: '#ffcc00', locale: 'en', currency: 'USD', adminToken: ADMIN_TOKEN });
  expect(res.body.visitor.role).toBe('host');
  return server.join(res.body.token);
}

async function visitor(name: string): Promise<ArenaClientRoom> {
  return server.join((await server.visitor(name)).token);
}

function collectErrors(room: ArenaClientRoom): ErrorBody[] {
  const errors: ErrorBody[] = [];
  room.onMessage(MSG.error, (e: ErrorBody) => errors.push(e));
  return errors;
}

function clockOf(room: ArenaClientRoom) {
  const { playing, anchorMs, positionMs, rate, directorAngle, momentId, revision } = room.state.match as MatchClock;
  return { playing, anchorMs, positionMs, rate, directorAngle, momentId, revision };
}

/** Difference of two positions on a looping match (9.99 s and 0.01 s are 20 ms apart). */
function loopDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % DURATION;
  return Math.min(d, DURATION - d);
}

/** Sends a host control and waits until the host and every room show the new revision. */
async function control(by: ArenaClientRoom, rooms: ArenaClientRoom[], command: object): Promise<void> {
  // NOTE: the server's revision, not the host's copy, which may still lag behind the last control.
  const revision = server.room(by).state.match.revision;
  by.send(MSG.matchControl, command);
  await until(() => [by, ...rooms].every((r) => clockOf(r).revision > revision), `every room to see ${JSON.stringify(command)}`);
}

/**
 * Shows that messages already answered changed nothing, without waiting to see whether something
 * else arrives: the host then switches the angle, and every room must see exactly that one change
 * on top of `before` (had an earlier message moved the clock, the revision would be further on).
 */
async function expectOnlyTheHostsNextChange(boss: ArenaClientRoom, before: Map<ArenaClientRoom, ReturnType<typeof clockOf>>) {
  const angle = clockOf(boss).directorAngle === 'close' ? 'auto' : 'close';
  await control(boss, [...before.keys()], { action: 'angle', angle });
  for (const [room, clock] of before) {
    const { anchorMs, positionMs, ...now } = clockOf(room);
    const { anchorMs: _, positionMs: __, ...then } = clock;
    expect(now).toEqual({ ...then, directorAngle: angle, revision: clock.revision + 1 });
    // NOTE: an angle change re-anchors the clock where it was playing.
    expect(positionMs).toBe(matchPosition(clock, anchorMs, DURATION, true));
  }
}

describe('the venue match clock', () => {
  let a: ArenaClientRoom;
  let b: ArenaClientRoom;
  let boss: ArenaClientRoom;
  let offsets: { a: number; b: number };
  beforeAll(async () => {
    a = await visitor('Early');
    // NOTE: the scenario itself (the match has played on a second when Late joins), not a wait for anything.
    await sleep(1000);
    b = await visitor('Late');
    boss = await host();
    offsets = { a: (await estimateServerOffset(a)).offsetMs, b: (await estimateServerOffset(b)).offsetMs };
  });

  it('shows two visitors joined a second apart, in different shards, the same playback position', async () => {
    expect(new Set([a.roomId, b.roomId, boss.roomId]).size).toBe(3);
    // NOTE: a moment edge (the dunk at 1.5 s) reaches each shard at its own next patch, so the two
    // may be one patch apart for a moment; they must then agree on everything.
    await until(() => isDeepStrictEqual(clockOf(a), clockOf(b)), 'both shards to show the same clock');
    expect(clockOf(a)).toEqual(clockOf(b));
    expect(clockOf(a)).toMatchObject({ playing: true, rate: 1, directorAngle: 'auto' });

    const local = localNow();
    const seenByA = matchPosition(clockOf(a), local + offsets.a, DURATION, true);
    const seenByB = matchPosition(clockOf(b), local + offsets.b, DURATION, true);
    const truth = matchPosition(server.room(a).state.match, Date.now(), DURATION, true);
    const difference = loopDistance(seenByA, seenByB);
    console.info(
      `[match sync] two clients joined 1 s apart: positions differ by ${difference.toFixed(2)} ms ` +
        `(A ${loopDistance(seenByA, truth).toFixed(2)} ms, B ${loopDistance(seenByB, truth).toFixed(2)} ms from the server's)`,
    );
    expect(difference).toBeLessThan(100);
    expect(loopDistance(seenByA, truth)).toBeLessThan(100);
  });

  it("carries the host's pause and seek to every shard", async () => {
    await control(boss, [a, b], { action: 'pause' });
    expect(clockOf(a).playing).toBe(false);
    expect(clockOf(b)).toEqual(clockOf(a));

    await control(boss, [a, b], { action: 'seek', positionMs: 4000 });
    expect(clockOf(a)).toMatchObject({ playing: false, positionMs: 4000 });
    expect(clockOf(b)).toEqual(clockOf(a));

    const sent = Date.now();
    await control(boss, [a, b], { action: 'play' });
    const seen = Date.now();
    const truthAt = (now: number) => matchPosition(server.room(a).state.match, now, DURATION, true);
    await until(() => truthAt(Date.now()) >= 4250, 'the match to play on past 4.25 s');
    const local = localNow();
    const now = Date.now();
    const truth = truthAt(now);
    // The server re-anchored between sending and seeing the play, so it plays on from 4 s since then.
    expect(truth).toBeGreaterThanOrEqual(4000 + now - seen);
    expect(truth).toBeLessThanOrEqual(4000 + now - sent);
    for (const [room, offset] of [
      [a, offsets.a],
      [b, offsets.b],
    ] as const) {
      expect(loopDistance(matchPosition(clockOf(room), local + offset, DURATION, true), truth)).toBeLessThan(100);
    }
    expect(clockOf(b)).toEqual(clockOf(a));
  });

  it("switches every shard to the host's angle and back to the director's cut", async () => {
    await control(boss, [a, b], { action: 'angle', angle: 'close' });
    expect(clockOf(a).directorAngle).toBe('close');
    expect(clockOf(b).directorAngle).toBe('close');
    await control(boss, [a, b], { action: 'angle', angle: 'auto' });
    expect(clockOf(b).directorAngle).toBe('auto');
  });

  it("refuses a visitor's seek, pause and angle with forbidden, changing nothing", async () => {
    const errors = collectErrors(a);
    const before = new Map([a, b, boss].map((room) => [room, clockOf(room)]));
    a.send(MSG.matchControl, { action: 'seek', positionMs: 1000 });
    a.send(MSG.matchControl, { action: 'pause' });
    a.send(MSG.matchControl, { action: 'angle', angle: 'close' });
    await until(() => errors.length === 3, 'three error replies');
    for (const e of errors) {
      expect(e).toEqual({ code: 'forbidden', message: 'only the venue host can control the match', type: MSG.matchControl });
    }
    await expectOnlyTheHostsNextChange(boss, before);
    expect(a.connection.isOpen).toBe(true);
  });

  it('starts a product moment once for every visitor, on time, and ends it after its duration', async () => {
    const watch = (room: ArenaClientRoom, offset: number) => {
      const changes: { momentId: string; serverMs: number }[] = [];
      let last = clockOf(room).momentId;
      room.onStateChange(() => {
        const { momentId } = clockOf(room);
        if (momentId !== last) changes.push({ momentId, serverMs: localNow() + offset });
        last = momentId;
      });
      return changes;
    };
    await control(boss, [a, b], { action: 'seek', positionMs: 0 });
    const { anchorMs, positionMs } = clockOf(a);
    expect(positionMs).toBe(0);
    const seen = { a: watch(a, offsets.a), b: watch(b, offsets.b) };
    const starts = anchorMs + 1500;
    const ends = anchorMs + 2500;
    await until(() => Date.now() > ends + 500, 'the moment to pass', 5000);

    for (const [who, changes] of Object.entries(seen)) {
      expect(
        changes.map((c) => c.momentId),
        who,
      ).toEqual(['dunk', '']);
      const [started, ended] = changes as [(typeof changes)[0], (typeof changes)[0]];
      console.info(
        `[match sync] ${who} saw the moment start ${(started.serverMs - starts).toFixed(1)} ms and end ${(ended.serverMs - ends).toFixed(1)} ms after the server time`,
      );
      expect(Math.abs(started.serverMs - starts), who).toBeLessThan(150);
      expect(Math.abs(ended.serverMs - ends), who).toBeLessThan(150);
    }
  });

  it('answers malformed time and match messages with errors and keeps the sender connected', async () => {
    const v = await visitor('Junk');
    const errors = collectErrors(v);
    const cases: Array<[string, unknown]> = [
      [MSG.time, { t: 'now' }],
      [MSG.time, {}],
      [MSG.time, { t: -1 }],
      [MSG.time, { t: 1, server: 2 }],
      [MSG.time, null],
      [MSG.matchControl, { action: 'jump' }],
      [MSG.matchControl, { action: 'seek' }],
      [MSG.matchControl, { action: 'seek', positionMs: -5 }],
      [MSG.matchControl, { action: 'seek', positionMs: 1.5 }],
      [MSG.matchControl, { action: 'angle', angle: 'Not An Id!' }],
      [MSG.matchControl, 'play'],
      [MSG.matchControl, null],
    ];
    for (const [i, [type, payload]] of cases.entries()) {
      v.send(type, payload);
      await until(() => errors.length === i + 1, `an error reply to case ${i}`);
      expect(errors[i], `case ${i}`).toMatchObject({ code: 'invalid_message', type });
    }

    // Well-formed but impossible values from the host: a bad request each, and nothing changes.
    const hostErrors = collectErrors(boss);
    const before = new Map([v, boss].map((room) => [room, clockOf(room)]));
    boss.send(MSG.matchControl, { action: 'seek', positionMs: DURATION + 1 });
    boss.send(MSG.matchControl, { action: 'angle', angle: 'blimp' });
    await until(() => hostErrors.length === 2, 'two error replies to the host');
    expect(hostErrors.map((e) => e.code)).toEqual(['bad_request', 'bad_request']);
    expect(hostErrors[1]?.message).toContain('blimp');
    await expectOnlyTheHostsNextChange(boss, before);
    expect(v.connection.isOpen).toBe(true);
    expect(boss.connection.isOpen).toBe(true);

    // NOTE: the five junk pings left half the time bucket, so the sender is still answered.
    const pong = new Promise<TimePong>((resolve) => v.onMessage(MSG.time, resolve));
    v.send(MSG.time, { t: 42 });
    expect((await pong).t).toBe(42);
  });

  it('drops time pings above the rate limit and says so', async () => {
    stoppedAt = Date.now();
    try {
      const v = await visitor('Pinger');
      const errors = collectErrors(v);
      let pongs = 0;
      v.onMessage(MSG.time, () => pongs++);
      const session = () => server.room(v).sessions.get(v.sessionId)!;
      const ping = async (count: number) => {
        const handled = session().applied + session().dropped + count;
        for (let i = 0; i < count; i++) v.send(MSG.time, { t: i });
        await until(() => session().applied + session().dropped === handled, `${count} pings to be handled`);
        await until(() => pongs === session().applied, 'the pongs');
      };

      // With the clock standing still, exactly the burst is answered.
      await ping(50);
      expect(pongs).toBe(TIME_RATE_LIMIT.burst);
      expect(session().dropped).toBe(50 - TIME_RATE_LIMIT.burst);

      // A second later the bucket has refilled by the rate, and the next notice is due.
      stoppedAt += 1000;
      await ping(TIME_RATE_LIMIT.perSecond + 1);
      expect(pongs).toBe(TIME_RATE_LIMIT.burst + TIME_RATE_LIMIT.perSecond);

      // A ping answered after all that proves every notice has arrived: one per second of the clock.
      stoppedAt += 1000;
      await ping(1);
      expect(pongs).toBe(TIME_RATE_LIMIT.burst + TIME_RATE_LIMIT.perSecond + 1);
      expect(errors).toHaveLength(2);
      expect(errors.every((e) => e.code === 'rate_limited' && e.type === MSG.time)).toBe(true);
      expect(v.connection.isOpen).toBe(true);
    } finally {
      stoppedAt = null;
    }
  });
});

describe('a bad match configuration', () => {
  it('stops the server at start with a message naming the file, the path and the problem', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-bad-match-'));
    try {
      fs.copyFileSync(matchConfigFile, path.join(dir, 'match.json'));
      const timeline = JSON.parse(fs.readFileSync(path.join(path.dirname(matchConfigFile), 'timeline.json'), 'utf8'));
      timeline.moments[1].productId = 'nope';
      fs.writeFileSync(path.join(dir, 'timeline.json'), JSON.stringify(timeline));
      await expect(startTestServer({ config: { matchConfigFile: path.join(dir, 'match.json') } })).rejects.toThrow(
        `MATCH_CONFIG ${path.join(dir, 'timeline.json')}: moments.1.productId: "nope" is not in the catalog`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
