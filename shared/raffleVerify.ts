import { RaffleProof } from './raffle.ts';
import { commitmentOf, drawWinners, entrantsHashOf } from './raffleDraw.ts';

/** The checks a proof goes through, by name, in the order they run. */
export const RAFFLE_CHECKS = [
  'shape',
  'revealed',
  'timeline',
  'commitment',
  'entrantsSorted',
  'entrantCount',
  'entrantsHash',
  'winners',
  'myEntry',
] as const;
export type RaffleCheckName = (typeof RAFFLE_CHECKS)[number];

/** One check's outcome and, when it failed, why. */
export interface RaffleCheck {
  name: RaffleCheckName;
  ok: boolean;
  detail: string;
}

/** Every check that ran; `failed` names those that did not pass (empty: the proof holds). */
export interface RaffleVerdict {
  ok: boolean;
  checks: RaffleCheck[];
  failed: RaffleCheckName[];
}

function verdict(checks: RaffleCheck[]): RaffleVerdict {
  const failed = checks.filter((c) => !c.ok).map((c) => c.name);
  return { ok: failed.length === 0, checks, failed };
}

const ascending = (ids: readonly string[]) => ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id);
const ordered = (...times: (string | null)[]) => {
  const ms = times.map((t) => (t === null ? Number.NaN : Date.parse(t)));
  return ms.every((t, i) => !Number.isNaN(t) && (i === 0 || (ms[i - 1] as number) <= t));
};

/**
 * Checks a published raffle from its public data alone: the seed matches the commitment made before
 * entries opened, the entrant list is sorted and matches its hash, and the winners are exactly what the
 * draw gives for that seed and list. Pass `myEntry` to also check that this entry is in the list. A proof
 * that is not yet revealed fails `revealed` (nothing can be checked before the seed is out).
 */
export async function verifyRaffle(input: unknown, options: { myEntry?: string } = {}): Promise<RaffleVerdict> {
  const parsed = RaffleProof.safeParse(input);
  if (!parsed.success) {
    const why = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(proof)'}: ${i.message}`)
      .join('; ');
    return verdict([{ name: 'shape', ok: false, detail: `not a raffle proof: ${why}` }]);
  }
  const proof = parsed.data;
  const checks: RaffleCheck[] = [{ name: 'shape', ok: true, detail: `raffle proof v${proof.version} of ${proof.eventId}` }];
  const check = (name: RaffleCheckName, ok: boolean, pass: string, fail: string) =>
    checks.push({ name, ok, detail: ok ? pass : fail });

  const { seed, entrants, entrantsHash, winners } = proof;
  if (proof.state !== 'revealed' || seed === null || entrants === null || entrantsHash === null || winners === null) {
    check('revealed', false, '', `the raffle is ${proof.state}: its seed, entrants and winners are not all published yet`);
    return verdict(checks);
  }
  check('revealed', true, 'the seed, entrants and winners are published', '');
  check(
    'timeline',
    ordered(proof.createdAt, proof.openedAt, proof.closedAt, proof.revealedAt),
    'committed, opened, closed and revealed in that order',
    'the published times are missing or out of order (created ≤ opened ≤ closed ≤ revealed)',
  );
  const commitment = await commitmentOf(seed);
  check('commitment', commitment === proof.commitment, 'SHA-256(seed) equals the commitment', `SHA-256(seed) is ${commitment}`);
  check(
    'entrantsSorted',
    ascending(entrants),
    `${entrants.length} entries, sorted, no repeats`,
    'the entrant list is not strictly ascending',
  );
  check(
    'entrantCount',
    entrants.length === proof.entrantCount,
    'the count matches the list',
    `entrantCount says ${proof.entrantCount}, the list has ${entrants.length}`,
  );
  const hash = await entrantsHashOf(entrants);
  check('entrantsHash', hash === entrantsHash, 'SHA-256 of the list equals entrantsHash', `SHA-256 of the list is ${hash}`);
  const drawn = await drawWinners(seed, entrants, proof.winnersCount);
  check(
    'winners',
    drawn.length === winners.length && drawn.every((id, i) => winners[i] === id),
    `the draw gives the published winners: ${drawn.join(', ') || '(no entries)'}`,
    `the draw gives ${drawn.join(', ') || '(nobody)'}, the proof says ${winners.join(', ') || '(nobody)'}`,
  );
  if (options.myEntry !== undefined) {
    const mine = options.myEntry;
    const won = winners.includes(mine) ? ' and won' : '';
    check('myEntry', entrants.includes(mine), `entry ${mine} is in the list${won}`, `entry ${mine} is not in the list`);
  }
  return verdict(checks);
}
