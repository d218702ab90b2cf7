import { describe, expect, it } from 'vitest';
import type { RaffleSummary } from '../../../../../shared/eventExtras.ts';
import { proofOutcome, raffleCard, shortHash } from '../../../../../client/ui/raffle/raffleLogic.ts';
import { verifyRaffle } from '../../../../../shared/raffleVerify.ts';
import { commitmentOf, drawWinners, entrantsHashOf } from '../../../../../shared/raffleDraw.ts';

const H = 'a'.repeat(64);
const raffle = (fields: Partial<RaffleSummary> = {}): RaffleSummary => ({
  state: 'committed',
  prize: { en: 'Signed jersey', 'zh-CN': '签名球衣' },
  winnersCount: 1,
  commitment: H,
  entrantCount: 0,
  entrantsHash: null,
  seed: null,
  winners: null,
  ...fields,
});
const MINE = '0123456789abcdef';

describe('which raffle card a visitor sees', () => {
  it('follows the published steps and the visitor entry', () => {
    expect(raffleCard(null, undefined)).toEqual({ kind: 'hidden' });
    expect(raffleCard(raffle(), undefined)).toEqual({ kind: 'committed' });
    expect(raffleCard(raffle({ state: 'open' }), undefined)).toEqual({ kind: 'open' });
    expect(raffleCard(raffle({ state: 'open' }), null)).toEqual({ kind: 'open' });
    expect(raffleCard(raffle({ state: 'open' }), MINE)).toEqual({ kind: 'entered', entry: MINE });
    expect(raffleCard(raffle({ state: 'closed', entrantCount: 3 }), MINE)).toEqual({ kind: 'closed', entry: MINE });
    const revealed = raffle({ state: 'revealed', seed: H, winners: [MINE] });
    expect(raffleCard(revealed, MINE)).toEqual({ kind: 'revealed', entry: MINE, won: true });
    expect(raffleCard(revealed, 'fedcba9876543210')).toEqual({ kind: 'revealed', entry: 'fedcba9876543210', won: false });
    expect(raffleCard(revealed, null)).toEqual({ kind: 'revealed', entry: null, won: null });
  });

  it('shortens a hash to its ends', () => {
    expect(shortHash(H)).toBe('aaaaaaaa…aaaaaaaa');
    expect(shortHash(MINE)).toBe(MINE);
  });
});

describe("the proof view's verdict, from the same verifier as npm run verify:raffle", () => {
  const seed = 'b'.repeat(64);
  const entrants = ['0000000000000001', '00000000000000ff', MINE].sort();
  const proofOf = async () => ({
    version: 1,
    eventId: 'launch-1',
    prize: { en: 'Signed jersey', 'zh-CN': '签名球衣' },
    winnersCount: 1,
    state: 'revealed',
    commitment: await commitmentOf(seed),
    entrantCount: entrants.length,
    entrants,
    entrantsHash: await entrantsHashOf(entrants),
    seed,
    winners: await drawWinners(seed, entrants, 1),
    createdAt: '2026-12-07T08:00:00.000Z',
    openedAt: '2026-12-07T08:01:00.000Z',
    closedAt: '2026-12-07T08:02:00.000Z',
    revealedAt: '2026-12-07T08:03:00.000Z',
  });

  it('says verified for an honest proof and names the check a tampered one fails', async () => {
    const proof = await proofOf();
    expect(proofOutcome(await verifyRaffle(proof, { myEntry: MINE }))).toEqual({ ok: true });
    const tampered = { ...proof, winners: entrants.filter((e) => e !== proof.winners[0]).slice(0, 1) };
    expect(proofOutcome(await verifyRaffle(tampered))).toEqual({ ok: false, failed: 'winners', notRevealed: false });
    const reseeded = { ...proof, seed: 'c'.repeat(64) };
    expect(proofOutcome(await verifyRaffle(reseeded))).toMatchObject({ ok: false, failed: 'commitment' });
  });

  it('says "not checkable yet" before the reveal', async () => {
    const proof = { ...(await proofOf()), state: 'closed', seed: null, winners: null };
    expect(proofOutcome(await verifyRaffle(proof))).toEqual({ ok: false, failed: 'revealed', notRevealed: true });
  });
});
