import { describe, expect, it } from 'vitest';
import { PLAYER_FLAG } from '../../../../../shared/together.ts';
import { canTalk, choosePeers, isPolite, type VoiceCandidate } from '../../../../../client/media/voice/peerSelection.ts';

const on = PLAYER_FLAG.voice;
const at = (id: string, x: number, z = 0, flags: number = on): VoiceCandidate => ({ id, x, z, flags });
const none = () => false;
const me = { x: 0, z: 0 };
const limits = { range: 10, drop: 12, max: 3 };

describe('choosePeers', () => {
  it('chooses those within range, nearest first, measured on the floor', () => {
    const others = [at('far', 10.5), at('b', 3, 4), at('a', 0, -2), at('edge', 6, 8)];
    expect(choosePeers(me, others, new Set(), none, limits)).toEqual(['a', 'b', 'edge']);
  });

  it('caps at the nearest `max`', () => {
    const others = [at('d', 4), at('a', 1), at('c', 3), at('b', 2), at('e', 5)];
    expect(choosePeers(me, others, new Set(), none, limits)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a connected peer between range and drop distance, and lets it go past the drop distance', () => {
    const current = new Set(['kept']);
    expect(choosePeers(me, [at('kept', 11.5)], current, none, limits)).toEqual(['kept']);
    expect(choosePeers(me, [at('new', 11.5)], current, none, limits)).toEqual([]);
    expect(choosePeers(me, [at('kept', 12.5)], current, none, limits)).toEqual([]);
  });

  it('a kept peer still gives way to nearer ones when the cap is reached', () => {
    const current = new Set(['kept']);
    const others = [at('kept', 11), at('a', 1), at('b', 2), at('c', 3)];
    expect(choosePeers(me, others, current, none, limits)).toEqual(['a', 'b', 'c']);
  });

  it('skips visitors with voice off, muted by the admin, or excluded (blocked)', () => {
    const others = [
      at('off', 1, 0, 0),
      at('typing', 1, 0, PLAYER_FLAG.typing),
      at('muted', 1, 0, on | PLAYER_FLAG.muted),
      at('speaking', 2, 0, on | PLAYER_FLAG.speaking),
      at('blocked', 1),
    ];
    expect(choosePeers(me, others, new Set(['muted', 'off']), (id) => id === 'blocked', limits)).toEqual(['speaking']);
  });
});

describe('canTalk and isPolite', () => {
  it('can talk only with voice on and not muted', () => {
    expect([0, on, on | PLAYER_FLAG.speaking, on | PLAYER_FLAG.muted, PLAYER_FLAG.muted].map(canTalk)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('makes exactly one of two peers polite', () => {
    for (const [a, b] of [
      ['abc', 'abd'],
      ['Z1', 'a1'],
      ['x', 'xy'],
    ] as const) {
      expect(isPolite(a, b)).not.toBe(isPolite(b, a));
    }
  });
});
