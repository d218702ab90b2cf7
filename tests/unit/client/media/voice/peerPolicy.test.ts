import { describe, expect, it } from 'vitest';
import { BYE_COOLDOWN_MS, createPeerPolicy, type PeerPolicy } from '../../../../../client/media/voice/peerPolicy.ts';
import type { VoiceCandidate } from '../../../../../client/media/voice/peerSelection.ts';
import { PLAYER_FLAG } from '../../../../../shared/together.ts';

const on = PLAYER_FLAG.voice;
const limits = { range: 10, drop: 12, max: 3 };
const at = (id: string, x: number, flags: number = on): VoiceCandidate => ({ id, x, z: 0, flags });

function policy(others: VoiceCandidate[], opts: { blocked?: string[]; now?: () => number } = {}) {
  return createPeerPolicy({
    self: () => ({ x: 0, z: 0 }),
    others: () => others,
    blocked: (id) => opts.blocked?.includes(id) ?? false,
    now: opts.now ?? (() => 0),
    limits,
  });
}

describe('answering a first offer', () => {
  it('answers a caller whose pose has not reached us yet (the relay checked the range)', () => {
    expect(policy([]).answers('new', new Set())).toBe(true);
  });

  it('answers a caller whose voice flag has not reached us yet, or who looks just out of range', () => {
    expect(policy([at('b', 2, 0)]).answers('b', new Set())).toBe(true);
    expect(policy([at('b', 30)]).answers('b', new Set())).toBe(true);
  });

  it('answers a caller it is cooling down from, and may call them again once it has', () => {
    let now = 0;
    const p = policy([at('b', 2)], { now: () => now });
    p.coolDown('b', BYE_COOLDOWN_MS);
    expect(p.choose(new Set())).toEqual([]);
    expect(p.answers('b', new Set())).toBe(true);
    now = 1;
    expect(p.choose(new Set())).toEqual(['b']);
  });

  it('refuses a blocked caller, and one farther than all its peers when it already has the most', () => {
    expect(policy([at('b', 2)], { blocked: ['b'] }).answers('b', new Set())).toBe(false);
    const full = policy([at('a', 1), at('c', 2), at('d', 3), at('far', 9)]);
    expect(full.answers('far', new Set(['a', 'c', 'd']))).toBe(false);
    expect(full.answers('near', new Set(['a', 'c', 'd']))).toBe(false);
    expect(policy([at('a', 1), at('c', 2), at('d', 8), at('b', 3)]).answers('b', new Set(['a', 'c', 'd']))).toBe(true);
  });
});

/**
 * Two voice sessions' choices played against each other on a virtual clock, as voiceSession.ts runs them:
 * peer choice every 250 ms, signals relayed in 20 ms, a refusal or hang-up answered by a cooldown.
 */
function playTwo(opts: { bSeesAFromMs: number; untilMs: number }) {
  let now = 0;
  type Side = 'a' | 'b';
  const sides: Side[] = ['a', 'b'];
  const poses: Record<Side, VoiceCandidate[]> = { a: [at('b', 2)], b: [] };
  const links: Record<Side, Set<string>> = { a: new Set(), b: new Set() };
  const policy = (self: Side): PeerPolicy =>
    createPeerPolicy({
      self: () => ({ x: self === 'a' ? 0 : 2, z: 0 }),
      others: () => poses[self],
      blocked: () => false,
      now: () => now,
      limits,
    });
  const policies: Record<Side, PeerPolicy> = { a: policy('a'), b: policy('b') };
  const inbox: Array<{ at: number; to: Side; from: Side; kind: 'offer' | 'bye' }> = [];
  const send = (from: Side, to: Side, kind: 'offer' | 'bye') => inbox.push({ at: now + 20, to, from, kind });
  const connectedAt: number[] = [];

  for (; now <= opts.untilMs; now += 10) {
    if (now === opts.bSeesAFromMs) poses.b = [at('a', 0)];
    for (const m of inbox.filter((m) => m.at <= now)) {
      inbox.splice(inbox.indexOf(m), 1);
      const mine = links[m.to];
      if (m.kind === 'bye') {
        mine.delete(m.from);
        policies[m.to].coolDown(m.from, BYE_COOLDOWN_MS);
      } else if (!mine.has(m.from)) {
        if (policies[m.to].answers(m.from, mine)) mine.add(m.from);
        else send(m.to, m.from, 'bye');
      }
    }
    if (now % 250 === 0) {
      for (const self of sides) {
        const other: Side = self === 'a' ? 'b' : 'a';
        const chosen = policies[self].choose(links[self]).includes(other);
        if (links[self].has(other) === chosen) continue;
        if (chosen) links[self].add(other);
        else links[self].delete(other);
        send(self, other, chosen ? 'offer' : 'bye');
      }
    }
    if (links.a.has('b') && links.b.has('a')) connectedAt.push(now);
  }
  return { connectedAt, links };
}

describe('two sessions whose copies of the room disagree for a moment', () => {
  it('connect once both see each other, and stay connected', () => {
    const { connectedAt, links } = playTwo({ bSeesAFromMs: 600, untilMs: 30_000 });
    expect(connectedAt[0]).toBeLessThan(1000);
    expect(links.a.has('b') && links.b.has('a')).toBe(true);
  });
});
