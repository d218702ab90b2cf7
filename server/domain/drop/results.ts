import type { DropResult } from '../../../shared/drop.ts';
import type { DropRow, HoldRow } from './rows.ts';

/** What this process remembers of a drop: its row and, once drawn, every entrant's place and every hold. */
export interface DropMemory {
  row: DropRow;
  /** Visitor → place in the draw's order (1-based), once drawn. */
  places: Map<string, number>;
  /** Visitor → their hold. */
  holds: Map<string, HoldRow>;
}

/**
 * A drawn drop's answer for one visitor, from memory: a live hold is `won`, a paid one `bought`, a
 * lapsed one `lost`; with no hold, a place still in line is `waiting` (1 = offered next), any other
 * place `lost`; no place is `none`.
 */
export function drawnResult(drop: DropMemory, visitorId: string, now: number): DropResult {
  const hold = drop.holds.get(visitorId);
  if (hold) {
    if (hold.status === 'bought') return { kind: 'bought' };
    if (hold.status === 'lapsed' || (hold.status === 'held' && hold.expiresAt <= now)) return { kind: 'lost' };
    return { kind: 'won', holdExpiresAt: hold.expiresAt };
  }
  const place = drop.places.get(visitorId);
  if (place === undefined) return { kind: 'none' };
  const { drawnUnits, nextOffer, lineLength } = drop.row;
  if (drawnUnits !== null && nextOffer !== null && place >= nextOffer && place <= drawnUnits + lineLength) {
    return { kind: 'waiting', position: place - nextOffer + 1 };
  }
  return { kind: 'lost' };
}

/** Every entrant's result after a draw (what goes out to every shard at once). */
export function everyResult(drop: DropMemory, now: number): Record<string, DropResult> {
  const results: Record<string, DropResult> = {};
  for (const visitorId of drop.places.keys()) results[visitorId] = drawnResult(drop, visitorId, now);
  return results;
}
