import { describe, expect, it } from 'vitest';
import type { RaffleProof } from '../../../shared/raffle.ts';
import { commitmentOf, drawWinners, entrantsHashOf } from '../../../shared/raffleDraw.ts';
import { verifyRaffle } from '../../../shared/raffleVerify.ts';

const SEED = 'a1'.repeat(32);
const IDS = ['0a0a0a0a0a0a0a0a', '1b1b1b1b1b1b1b1b', '2c2c2c2c2c2c2c2c', '3d3d3d3d3d3d3d3d', '4e4e4e4e4e4e4e4e'];

/** A revealed, honest proof over IDS and SEED. */
async function honestProof(): Promise<RaffleProof> {
  return {
    version: 1,
    eventId: 'jersey-launch',
    prize: { en: 'A signed jersey', 'zh-CN': '签名球衣' },
    winnersCount: 2,
    state: 'revealed',
    commitment: await commitmentOf(SEED),
    entrantCount: IDS.length,
    entrants: IDS,
    entrantsHash: await entrantsHashOf(IDS),
    seed: SEED,
    winners: await drawWinners(SEED, IDS, 2),
    createdAt: '2026-12-07T10:00:00.000Z',
    openedAt: '2026-12-07T10:01:00.000Z',
    closedAt: '2026-12-07T10:30:00.000Z',
    revealedAt: '2026-12-07T10:31:00.000Z',
  };
}

describe('verifyRaffle', () => {
  it('accepts an honest proof, passing every check', async () => {
    const verdict = await verifyRaffle(await honestProof(), { myEntry: IDS[2]! });
    expect(verdict.failed).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.checks.map((c) => c.name)).toEqual([
      'shape',
      'revealed',
      'timeline',
      'commitment',
      'entrantsSorted',
      'entrantCount',
      'entrantsHash',
      'winners',
      'myEntry',
    ]);
  });

  const other = 'ffffffffffffffff';
  it.each<[string, (p: RaffleProof) => RaffleProof, string[]]>([
    ['a different seed', (p) => ({ ...p, seed: 'b2'.repeat(32) }), ['commitment', 'winners']],
    ['a different commitment', (p) => ({ ...p, commitment: '00'.repeat(32) }), ['commitment']],
    ['an entrant swapped for another', (p) => ({ ...p, entrants: [...IDS.slice(0, 4), other] }), ['entrantsHash']],
    ['an entrant added', (p) => ({ ...p, entrants: [...IDS, other] }), ['entrantCount', 'entrantsHash']],
    ['an entrant dropped', (p) => ({ ...p, entrants: IDS.slice(1), entrantCount: 4 }), ['entrantsHash']],
    ['a different entrantsHash', (p) => ({ ...p, entrantsHash: 'c3'.repeat(32) }), ['entrantsHash']],
    ['an unsorted list', (p) => ({ ...p, entrants: [...IDS].reverse() }), ['entrantsSorted', 'entrantsHash']],
    ['a repeated entrant', (p) => ({ ...p, entrants: [IDS[0]!, ...IDS.slice(0, 4)] }), ['entrantsSorted', 'entrantsHash']],
    ['a different winner', (p) => ({ ...p, winners: [p.winners![0]!, other] }), ['winners']],
    ['the winners reordered', (p) => ({ ...p, winners: [...p.winners!].reverse() }), ['winners']],
    ['a winner left out', (p) => ({ ...p, winners: p.winners!.slice(0, 1) }), ['winners']],
    ['more winners asked for', (p) => ({ ...p, winnersCount: 3 }), ['winners']],
    ['a reveal before the close', (p) => ({ ...p, revealedAt: '2026-12-07T10:29:00.000Z' }), ['timeline']],
  ])('rejects %s, naming the failed checks', async (_name, tamper, failed) => {
    const verdict = await verifyRaffle(tamper(await honestProof()));
    expect(verdict.ok).toBe(false);
    // Winners may or may not move with a changed list; every other named check must be exactly these.
    expect(verdict.failed.filter((f) => f !== 'winners' || failed.includes('winners'))).toEqual(failed);
  });

  it('rejects a winner list recomputed for a tampered entrant list, when the hash is not', async () => {
    const p = await honestProof();
    const entrants = [...IDS.slice(0, 4), other];
    const verdict = await verifyRaffle({ ...p, entrants, winners: await drawWinners(SEED, entrants, 2) });
    expect(verdict.failed).toContain('entrantsHash');
  });

  it('rejects what is not a proof, and a proof before its reveal', async () => {
    expect((await verifyRaffle({ hello: 'world' })).failed).toEqual(['shape']);
    expect((await verifyRaffle({ ...(await honestProof()), seed: 'not hex' })).failed).toEqual(['shape']);
    const closed = { ...(await honestProof()), state: 'closed' as const, seed: null, winners: null, revealedAt: null };
    expect((await verifyRaffle(closed)).failed).toEqual(['revealed']);
  });

  it('says when my entry is not in the list', async () => {
    expect((await verifyRaffle(await honestProof(), { myEntry: other })).failed).toEqual(['myEntry']);
  });
});
