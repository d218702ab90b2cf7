import { describe, expect, it } from 'vitest';
import { fullRateSet, type InterestPeer } from '../../../../../server/features/interest/interestRule.ts';
import { INTEREST } from '../../../../../shared/interest.ts';
import { PLAYER_FLAG } from '../../../../../shared/together.ts';

const at = (xM: number, zM = 0, more: Partial<InterestPeer> = {}): InterestPeer => ({ x: xM * 100, z: zM * 100, ...more });
const none = new Set<string>();

/** The set for viewer `me` standing at the origin among `others`. */
function setOf(others: Record<string, InterestPeer>, opts: { me?: InterestPeer; previous?: string[]; talking?: string[] } = {}) {
  const players: Array<[string, InterestPeer]> = [['me', opts.me ?? at(0)], ...Object.entries(others)];
  return fullRateSet({
    viewerId: 'me',
    viewer: opts.me ?? at(0),
    players,
    previous: new Set(opts.previous ?? []),
    talkingWith: new Set(opts.talking ?? []),
  });
}

describe('fullRateSet', () => {
  it('takes those within the enter radius and leaves the far ones and the viewer out', () => {
    const set = setOf({ near: at(3), edge: at(INTEREST.enterM), far: at(INTEREST.enterM + 0.5), across: at(-20, 10) });
    expect([...set].sort()).toEqual(['edge', 'near']);
  });

  it('keeps a member until the leave radius (hysteresis), but does not let a newcomer in past the enter radius', () => {
    const between = at((INTEREST.enterM + INTEREST.leaveM) / 2);
    expect(setOf({ a: between }, { previous: ['a'] }).has('a')).toBe(true);
    expect(setOf({ a: between }).has('a')).toBe(false);
    expect(setOf({ a: at(INTEREST.leaveM + 0.5) }, { previous: ['a'] }).has('a')).toBe(false);
  });

  it('always includes squad mates and talk partners, however far, and voice peers in voice range', () => {
    const voice = PLAYER_FLAG.voice;
    const set = setOf(
      {
        mate: at(-23, 15, { squad: 'S1' }),
        stranger: at(-23, 15, { squad: 'S2' }),
        talker: at(20),
        voicePeer: at(0, -9.5, { flags: voice }),
        voiceOff: at(0, 13),
      },
      { me: at(0, 0, { squad: 'S1', flags: voice }), talking: ['talker'] },
    );
    expect([...set].sort()).toEqual(['mate', 'talker', 'voicePeer']);
  });

  it('caps the set at the nearest maxFullRate, squad and talk partners first', () => {
    const crowd: Record<string, InterestPeer> = {};
    for (let i = 0; i < 60; i++) crowd[`p${i}`] = at(1 + i * 0.15);
    crowd.mate = at(-23, 15, { squad: 'S1' });
    const set = setOf(crowd, { me: at(0, 0, { squad: 'S1' }) });
    expect(set.size).toBe(INTEREST.maxFullRate);
    expect(set.has('mate')).toBe(true);
    // The mate takes one place; the nearest fill the rest.
    for (let i = 0; i < INTEREST.maxFullRate - 1; i++) expect(set.has(`p${i}`)).toBe(true);
    expect(set.has(`p${INTEREST.maxFullRate - 1}`)).toBe(false);
  });

  it('does not swap members for slightly nearer newcomers at the cap (hysteresis at the cap)', () => {
    const limits = { ...INTEREST, maxFullRate: 2 };
    const players: Array<[string, InterestPeer]> = [
      ['me', at(0)],
      ['a', at(5)],
      ['b', at(5.5)],
      ['c', at(4.9)],
    ];
    const input = { viewerId: 'me', viewer: at(0), players, talkingWith: none };
    expect([...fullRateSet({ ...input, previous: new Set(['a', 'b']) }, limits)].sort()).toEqual(['a', 'b']);
    // Far enough nearer (beyond the keep bonus), the newcomer wins the place.
    players[3] = ['c', at(2)];
    expect([...fullRateSet({ ...input, previous: new Set(['a', 'b']) }, limits)].sort()).toEqual(['a', 'c']);
  });
});
