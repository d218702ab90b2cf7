import { skuKey } from '../../../shared/catalog.ts';
import type { DropResult } from '../../../shared/drop.ts';
import type { DropSummary, EventExtras } from '../../../shared/eventExtras.ts';

/**
 * What the drop card shows, from the room's drop and the visitor's own result at one server instant:
 * - `hidden`: no drop, not opened yet, or over for someone who never entered;
 * - `enter`: the window is open ("Enter the drop", `msLeft` of the window);
 * - `entered`: in, results at close; `closing`: the window ended, the draw is under way;
 * - `won`: a unit held for `msLeft` more ("You're in — pay within 4:59", Buy now);
 * - `waiting`: `position` in line; `lost`: not this time; `lapsed`: the hold ran out; `bought`: paid.
 */
export type DropCard =
  | { kind: 'hidden' }
  | { kind: 'enter'; msLeft: number }
  | { kind: 'entered' }
  | { kind: 'closing' }
  | { kind: 'won'; msLeft: number }
  | { kind: 'waiting'; position: number }
  | { kind: 'lost' }
  | { kind: 'lapsed' }
  | { kind: 'bought' };

/** The drop card at server time `serverNowMs`; `mine` is undefined until the visitor's standing is known. */
export function dropCard(drop: DropSummary | null | undefined, mine: DropResult | undefined, serverNowMs: number): DropCard {
  if (!drop || drop.status === 'scheduled') return { kind: 'hidden' };
  const kind = mine?.kind ?? 'none';
  if (drop.status === 'open') {
    if (kind === 'entered') return { kind: 'entered' };
    const msLeft = (drop.closesAt ?? 0) - serverNowMs;
    return msLeft > 0 ? { kind: 'enter', msLeft } : { kind: 'hidden' };
  }
  switch (mine?.kind) {
    case 'won': {
      const msLeft = mine.holdExpiresAt - serverNowMs;
      return msLeft > 0 ? { kind: 'won', msLeft } : { kind: 'lapsed' };
    }
    case 'waiting':
      return { kind: 'waiting', position: mine.position };
    case 'lost':
      return { kind: 'lost' };
    case 'bought':
      return { kind: 'bought' };
    // NOTE: drawn, but this visitor's result has not arrived yet (the message is on its way).
    case 'entered':
      return { kind: 'closing' };
    default:
      return { kind: 'hidden' };
  }
}

/** A hold's time left as the card says it: "4:59" (whole seconds rounded up; hours as "1:04:59"). */
export function payClock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The next server instant the card's text changes (its next whole second), or null when it shows no clock. */
export function msUntilCardTick(card: DropCard): number | null {
  if (card.kind !== 'enter' && card.kind !== 'won') return null;
  return card.msLeft % 1000 || 1000;
}

/**
 * Live stock as the checkout should count it: a unit held for the visitor in a drop is theirs
 * although the shelf says 0 (the draw already took it from stock), so their line is not "sold out".
 */
export function stockWithHolds(
  stock: Readonly<Record<string, number>>,
  extras: Readonly<Record<string, EventExtras>>,
  mine: Readonly<Record<string, DropResult>>,
  serverNowMs: number,
): Readonly<Record<string, number>> {
  let out: Record<string, number> | null = null;
  for (const [eventId, result] of Object.entries(mine)) {
    const drop = extras[eventId]?.drop;
    if (!drop || result.kind !== 'won' || result.holdExpiresAt <= serverNowMs) continue;
    out ??= { ...stock };
    const key = skuKey(drop.sku);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out ?? stock;
}

/**
 * The event whose drop and raffle the arena features: one taking entries now (the arena's own event
 * first, else the newest), else the arena's own event when it has either, else the newest drawn drop
 * the visitor is in.
 */
export function featuredEventId(
  arenaEventId: string | null,
  extras: Readonly<Record<string, EventExtras>>,
  mine: Readonly<Record<string, DropResult>>,
): string | null {
  const all = Object.values(extras);
  const open = all.filter((e) => e.drop?.status === 'open' || e.raffle?.state === 'open');
  if (arenaEventId && open.some((e) => e.eventId === arenaEventId)) return arenaEventId;
  if (open.length > 0) return open.at(-1)?.eventId ?? null;
  if (arenaEventId && extras[arenaEventId]) return arenaEventId;
  const drawnForMe = all.filter((e) => e.drop?.status === 'drawn' && (mine[e.eventId]?.kind ?? 'none') !== 'none');
  return drawnForMe.at(-1)?.eventId ?? null;
}
