import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MSG, type ErrorBody } from '../../../../../shared/protocol.ts';
import { PLAYER_FLAG, SIGNAL_RATE, type SignalEvent, type SignalSend } from '../../../../../shared/together.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../../support/testServer.ts';
import { standAt as standAtCm } from '../../../support/standAt.ts';
import { until } from '../../../support/until.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Visitor {
  room: ArenaClientRoom;
  errors: ErrorBody[];
  signals: SignalEvent[];
}

async function visitor(name: string): Promise<Visitor> {
  const { token } = await server.visitor(name);
  const room = await server.join(token);
  const v: Visitor = { room, errors: [], signals: [] };
  room.onMessage(MSG.error, (e: ErrorBody) => v.errors.push(e));
  room.onMessage(MSG.signal, (s: SignalEvent) => v.signals.push(s));
  return v;
}

const standAt = (v: Visitor, x: number, z: number) => standAtCm(server, v.room, x, z);

/** Sets the visitor's flags on the server (the `status` message's effect, without depending on it). */
function setFlags(v: Visitor, flags: number) {
  server.room(v.room).state.players.get(v.room.sessionId)!.flags = flags;
}

const offer = (to: string, sdp = 'v=0 offer'): SignalSend => ({ to, kind: 'description', type: 'offer', sdp });

/** Sends a marker signal that must arrive, so "nothing arrived before it" can be asserted without a timeout. */
async function fence(from: Visitor, to: Visitor) {
  const sdp = `fence ${Math.random()}`;
  from.room.send(MSG.signal, offer(to.room.sessionId, sdp));
  await until(() => to.signals.some((s) => s.kind === 'description' && s.sdp === sdp), 'the fence signal');
}

describe('voice signalling', () => {
  let ann: Visitor;
  let bob: Visitor;
  let cat: Visitor;

  beforeAll(async () => {
    ann = await visitor('Ann');
    bob = await visitor('Bob');
    cat = await visitor('Cat');
    expect(new Set([ann, bob, cat].map((v) => v.room.roomId)).size).toBe(1);
    await standAt(ann, 0, 0);
    await standAt(bob, 300, 400); // 5 m away
    await standAt(cat, 200, 0);
    for (const v of [ann, bob, cat]) setFlags(v, PLAYER_FLAG.voice);
  });

  const clear = () => {
    for (const v of [ann, bob, cat]) {
      v.errors.length = 0;
      v.signals.length = 0;
    }
  };

  it('relays a signal to the named peer only, with the sender as `from`', async () => {
    clear();
    ann.room.send(MSG.signal, offer(bob.room.sessionId, 'v=0 hello'));
    const candidate: SignalSend = {
      to: bob.room.sessionId,
      kind: 'candidate',
      candidate: 'candidate:1 1 udp 2122260223 192.168.1.2 50000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    };
    ann.room.send(MSG.signal, candidate);
    await until(() => bob.signals.length === 2, 'Bob to get both signals');
    expect(bob.signals[0]).toEqual({ from: ann.room.sessionId, kind: 'description', type: 'offer', sdp: 'v=0 hello' });
    const { to: _to, ...body } = candidate;
    expect(bob.signals[1]).toEqual({ ...body, from: ann.room.sessionId });
    // Cat, standing nearer to Ann than Bob is, hears nothing of it.
    await fence(ann, cat);
    expect(cat.signals).toHaveLength(1);
    expect(ann.signals).toHaveLength(0);
    expect(ann.errors).toEqual([]);
  });

  it('refuses an unknown session, and a signal to oneself', async () => {
    clear();
    ann.room.send(MSG.signal, offer('no-such-session'));
    ann.room.send(MSG.signal, offer(ann.room.sessionId));
    await until(() => ann.errors.length === 2, 'two not_found replies');
    expect(ann.errors.map((e) => [e.code, e.type])).toEqual([
      ['not_found', MSG.signal],
      ['not_found', MSG.signal],
    ]);
    await fence(ann, bob);
    expect(bob.signals).toHaveLength(1);
    expect(ann.signals).toHaveLength(0);
  });

  it('refuses when either side has voice off or is muted, but always relays bye', async () => {
    for (const [who, flags] of [
      [bob, 0],
      [ann, PLAYER_FLAG.typing],
      [bob, PLAYER_FLAG.voice | PLAYER_FLAG.muted],
    ] as const) {
      clear();
      setFlags(who, flags);
      ann.room.send(MSG.signal, offer(bob.room.sessionId));
      await until(() => ann.errors.length === 1, 'a forbidden reply');
      expect(ann.errors[0]).toMatchObject({ code: 'forbidden', message: 'voice is off', type: MSG.signal });
      ann.room.send(MSG.signal, { to: bob.room.sessionId, kind: 'bye' });
      await until(() => bob.signals.length === 1, 'the bye');
      expect(bob.signals).toEqual([{ from: ann.room.sessionId, kind: 'bye' }]);
      setFlags(who, PLAYER_FLAG.voice);
    }
  });

  it('refuses a peer beyond the drop distance', async () => {
    clear();
    await standAt(bob, 0, 1250); // 12.5 m
    ann.room.send(MSG.signal, offer(bob.room.sessionId));
    await until(() => ann.errors.length === 1, 'a forbidden reply');
    expect(ann.errors[0]).toMatchObject({ code: 'forbidden', message: 'out of voice range' });
    await standAt(bob, 0, 1150); // 11.5 m: inside again
    await fence(ann, bob);
    expect(bob.signals).toHaveLength(1);
  });

  it('rejects malformed signals as invalid_message and relays none of them', async () => {
    clear();
    const to = bob.room.sessionId;
    const bad: unknown[] = [
      { to, kind: 'description', type: 'pranswer', sdp: 'x' },
      { to, kind: 'description', type: 'offer', sdp: 'x'.repeat(20_001) },
      { to, kind: 'candidate', candidate: 'c', sdpMid: '0' },
      { to, kind: 'bye', extra: 1 },
      { to: '', kind: 'bye' },
      { kind: 'bye' },
      'bye',
      null,
    ];
    for (const payload of bad) ann.room.send(MSG.signal, payload);
    await until(() => ann.errors.length === bad.length, 'one reply per bad signal');
    expect(new Set(ann.errors.map((e) => e.code))).toEqual(new Set(['invalid_message']));
    await fence(ann, bob);
    expect(bob.signals).toHaveLength(1);
  });

  it('drops signals above the rate limit and says so', async () => {
    clear();
    const session = server.room(cat.room).sessions.get(cat.room.sessionId)!;
    const before = { applied: session.applied, rejected: session.rejected };
    const flood = SIGNAL_RATE.burst * 2;
    for (let i = 0; i < flood; i++) cat.room.send(MSG.signal, offer(ann.room.sessionId, `flood ${i}`));
    const handled = () => session.applied - before.applied + session.rejected - before.rejected;
    await until(() => handled() === flood, 'the server to handle the whole flood');
    const relayed = session.applied - before.applied;
    await until(() => ann.signals.length === relayed, 'Ann to get every relayed signal');
    // The burst and what refilled while the flood arrived; far from all of them.
    expect(relayed).toBeGreaterThanOrEqual(SIGNAL_RATE.burst);
    expect(relayed).toBeLessThan(flood);
    await until(() => cat.errors.length > 0, 'a rate_limited reply');
    expect(cat.errors.every((e) => e.code === 'rate_limited' && e.type === MSG.signal)).toBe(true);
  });
});
