import { z } from 'zod';
import { SkuRef } from './catalog.ts';
import { DropStatus } from './drop.ts';
import { LocalizedText } from './i18nText.ts';
import { Currency } from './money.ts';
import { Hex32, RaffleEntryId, RaffleState } from './raffle.ts';

/**
 * What a launch event offers beside its phases, as every visitor sees it: its fair drop (shared/drop.ts)
 * and its raffle (shared/raffle.ts), public parts only. The venue's owner publishes the whole set on a
 * presence channel whenever the venue admin creates, opens, closes or reveals one (or a drop's window
 * closes itself), and every shard relays it to its visitors as `MSG.eventExtras` (also once on joining),
 * so an "Enter the drop" button appears in every shard at once, without polling.
 */

/** A drop as the room shows it: the SKU, units, the drop price and the entry window. */
export const DropSummary = z.object({
  status: DropStatus,
  sku: SkuRef,
  units: z.number().int(),
  prices: z.partialRecord(Currency, z.number().int()),
  entryWindowMs: z.number().int(),
  holdMs: z.number().int(),
  /** When entries close (server ms), once opened. */
  closesAt: z.number().int().nullable(),
  /** Units actually drawn, once drawn. */
  drawnUnits: z.number().int().nullable(),
});
export type DropSummary = z.infer<typeof DropSummary>;

/** A raffle as the room shows it: each published step (the entrant list itself stays in the proof). */
export const RaffleSummary = z.object({
  state: RaffleState,
  prize: LocalizedText,
  winnersCount: z.number().int(),
  commitment: Hex32,
  /** Entries when the raffle last changed step (the proof has the live count). */
  entrantCount: z.number().int(),
  entrantsHash: Hex32.nullable(),
  seed: Hex32.nullable(),
  winners: z.array(RaffleEntryId).nullable(),
});
export type RaffleSummary = z.infer<typeof RaffleSummary>;

/** One event's drop and raffle (null when it has none). */
export const EventExtras = z.object({
  eventId: z.string(),
  drop: DropSummary.nullable(),
  raffle: RaffleSummary.nullable(),
});
export type EventExtras = z.infer<typeof EventExtras>;

/** The most events whose extras go out at once (the most recently changed). */
export const MAX_EVENT_EXTRAS = 20;

/** `MSG.eventExtras` and the presence copy: every event with a drop or a raffle; `seq` orders copies. */
export const EventExtrasSnapshot = z.object({
  seq: z.number().int(),
  extras: z.array(EventExtras).max(MAX_EVENT_EXTRAS),
});
export type EventExtrasSnapshot = z.infer<typeof EventExtrasSnapshot>;
