import type { RaffleSummary } from '../../../shared/eventExtras.ts';
import type { RaffleCheckName, RaffleVerdict } from '../../../shared/raffleVerify.ts';

/**
 * What the raffle card shows for the visitor (`entry`: their public entry id, null when they have
 * none, undefined while unknown):
 * - `committed`: the commitment hash, before entries open;
 * - `open`: "Enter the raffle"; `entered`: open, and their entry id;
 * - `closed`: the entrant count and the entrants hash (and their entry, if any);
 * - `revealed`: the seed, the winners and whether they won (`won`: null when they did not enter).
 */
export type RaffleCard =
  | { kind: 'hidden' }
  | { kind: 'committed' }
  | { kind: 'open' }
  | { kind: 'entered'; entry: string }
  | { kind: 'closed'; entry: string | null }
  | { kind: 'revealed'; entry: string | null; won: boolean | null };

/** The raffle card for one event's raffle (none: hidden). */
export function raffleCard(raffle: RaffleSummary | null | undefined, entry: string | null | undefined): RaffleCard {
  if (!raffle) return { kind: 'hidden' };
  const mine = entry ?? null;
  switch (raffle.state) {
    case 'committed':
      return { kind: 'committed' };
    case 'open':
      return mine ? { kind: 'entered', entry: mine } : { kind: 'open' };
    case 'closed':
      return { kind: 'closed', entry: mine };
    case 'revealed':
      return { kind: 'revealed', entry: mine, won: mine ? (raffle.winners ?? []).includes(mine) : null };
  }
}

/** A long hash cut for a line of text: the first and last 8 digits ("3f2a…9c01"); the full value goes in a title. */
export function shortHash(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}

/** The proof view's verdict line: verified, or the first failed check by name (the others are listed below it). */
export type ProofOutcome = { ok: true } | { ok: false; failed: RaffleCheckName; notRevealed: boolean };

/** Reads a verdict of shared/raffleVerify.ts as the proof view says it. */
export function proofOutcome(verdict: RaffleVerdict): ProofOutcome {
  const [failed] = verdict.failed;
  if (verdict.ok || failed === undefined) return { ok: true };
  return { ok: false, failed, notRevealed: failed === 'revealed' };
}
