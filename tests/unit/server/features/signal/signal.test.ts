import { describe, expect, it } from 'vitest';
import { PLAYER_FLAG, VOICE_DROP_M, type SignalSend } from '../../../../../shared/together.ts';
import { createSignalRelay, routeSignal, type SignalPeer } from '../../../../../server/features/signal/signal.ts';

const on = PLAYER_FLAG.voice;
const players = (entries: Record<string, SignalPeer>) => new Map(Object.entries(entries));
const offer: SignalSend = { to: 'b', kind: 'description', type: 'offer', sdp: 'v=0' };

describe('routeSignal', () => {
  it('relays to the named peer with the sender as `from`', () => {
    const route = routeSignal(players({ a: { flags: on, x: 0, z: 0 }, b: { flags: on, x: 300, z: 400 } }), 'a', offer);
    expect(route).toEqual({ ok: true, to: 'b', event: { from: 'a', kind: 'description', type: 'offer', sdp: 'v=0' } });
  });

  it('measures range on the floor, up to the drop distance inclusive', () => {
    const edge = VOICE_DROP_M * 100;
    const at = (z: number) => players({ a: { flags: on, x: 0, z: 0 }, b: { flags: on, x: 0, z } });
    expect(routeSignal(at(edge), 'a', offer).ok).toBe(true);
    expect(routeSignal(at(edge + 1), 'a', offer)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'out of voice range' },
    });
  });

  it('needs voice on and no admin mute on both sides, except for bye', () => {
    for (const [fa, fb] of [
      [0, on],
      [on, PLAYER_FLAG.speaking],
      [on | PLAYER_FLAG.muted, on],
      [on, on | PLAYER_FLAG.muted],
    ]) {
      const ps = players({ a: { flags: fa, x: 0, z: 0 }, b: { flags: fb, x: 0, z: 0 } });
      expect(routeSignal(ps, 'a', offer)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'voice is off' } });
      expect(routeSignal(ps, 'a', { to: 'b', kind: 'bye' })).toEqual({ ok: true, to: 'b', event: { from: 'a', kind: 'bye' } });
    }
    // A bye reaches an existing peer however far away.
    const far = players({ a: { x: 0, z: 0 }, b: { x: 5000, z: 0 } });
    expect(routeSignal(far, 'a', { to: 'b', kind: 'bye' }).ok).toBe(true);
  });

  it('refuses unknown peers and the sender itself', () => {
    const ps = players({ a: { flags: on, x: 0, z: 0 } });
    expect(routeSignal(ps, 'a', offer)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(routeSignal(ps, 'a', { to: 'a', kind: 'bye' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('createSignalRelay', () => {
  it('takes a burst per sender, then refills at the rate', () => {
    const relay = createSignalRelay({ perSecond: 2, burst: 3 });
    const ps = players({ a: { flags: on, x: 0, z: 0 }, b: { flags: on, x: 0, z: 0 } });
    const ann = {};
    const bob = {};
    const send = (who: object, t: number) => relay.route(who, ps, 'a', offer, t).ok;
    expect([send(ann, 0), send(ann, 0), send(ann, 0), send(ann, 0)]).toEqual([true, true, true, false]);
    expect(relay.route(ann, ps, 'a', offer, 0)).toMatchObject({ ok: false, error: { code: 'rate_limited', type: 'signal' } });
    expect(send(bob, 0)).toBe(true);
    expect(send(ann, 500)).toBe(true);
    expect(send(ann, 500)).toBe(false);
  });
});
