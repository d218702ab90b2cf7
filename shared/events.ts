import { z } from 'zod';
import { LocalizedText } from './i18nText.ts';
import { Currency } from './money.ts';

/**
 * Brand launch events: what an event is (its hero product, when its countdown, reveal and live sale
 * run, its live-only prices), how its phase follows from the server's clock, and what the API and the
 * room state say about it. The server decides the phase; clients only count down to the times it
 * publishes, with the server clock offset they already estimate for the match.
 *
 * Timeline of one event (server time):
 *   startsAt − countdownMs ──countdown──▶ startsAt ──reveal (revealMs)──▶ ──live──▶ endsAt ──ended
 * Before the countdown the event is `upcoming`.
 */

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/);
const Instant = z.iso.datetime({ offset: true });

export const EVENT_PHASES = ['upcoming', 'countdown', 'reveal', 'live', 'ended'] as const;
export const EventPhase = z.enum(EVENT_PHASES);
export type EventPhase = z.infer<typeof EventPhase>;

/** A product's price while the event is live, per currency (integer minor units), below its regular price. */
export const LivePrice = z.strictObject({
  productId: Id,
  prices: z.partialRecord(Currency, z.number().int().positive()),
});
export type LivePrice = z.infer<typeof LivePrice>;

/** A launch event's fields (see `LaunchEvent`, which also checks the times fit together). */
export const LaunchEventFields = z.strictObject({
  id: Id,
  title: LocalizedText,
  summary: LocalizedText,
  heroProductId: Id,
  heroColourwayId: Id,
  /** The reveal: the countdown reaches zero here. */
  startsAt: Instant,
  /** When the live sale (and every live-only price) ends. */
  endsAt: Instant,
  /** How long before `startsAt` the countdown shows (default 5 minutes). */
  countdownMs: z
    .number()
    .int()
    .min(10_000)
    .max(24 * 3_600_000)
    .default(300_000),
  /** How long the reveal lasts before the live sale (default 20 s). */
  revealMs: z.number().int().min(5_000).max(300_000).default(20_000),
  livePrices: z.array(LivePrice).max(50).default([]),
});

/** One launch event as the events file and the admin API give it. */
export const LaunchEvent = LaunchEventFields.refine((e) => Date.parse(e.endsAt) - Date.parse(e.startsAt) > e.revealMs, {
  message: 'endsAt must come after startsAt and the reveal',
  path: ['endsAt'],
});
export type LaunchEvent = z.infer<typeof LaunchEvent>;
export type LaunchEventInput = z.input<typeof LaunchEvent>;

/** The demo launch `npm start` schedules: its first run a few minutes after start, then again on a loop. */
export const DemoSchedule = z.strictObject({
  /** The event every run copies; each run's id is `<id>-<n>` (n from 1) and its times follow the schedule. */
  template: LaunchEventFields.omit({ startsAt: true, endsAt: true }),
  /** From the server's start to the first run's reveal (its countdown shows `countdownMs` before). */
  firstAfterMs: z.number().int().min(0).max(3_600_000),
  everyMs: z
    .number()
    .int()
    .min(60_000)
    .max(7 * 24 * 3_600_000),
  /** Live sale length of each run. */
  liveMs: z.number().int().min(30_000),
});
export type DemoSchedule = z.infer<typeof DemoSchedule>;

/** `EVENTS_FILE`: scheduled events and, optionally, the demo loop. */
export const EventsFile = z.strictObject({
  events: z.array(LaunchEvent).max(500).default([]),
  demo: DemoSchedule.optional(),
});
export type EventsFile = z.infer<typeof EventsFile>;

/** An event's phase at server time `nowMs`. */
export function eventPhase(
  event: Pick<LaunchEvent, 'startsAt' | 'endsAt' | 'countdownMs' | 'revealMs'>,
  nowMs: number,
): EventPhase {
  const start = Date.parse(event.startsAt);
  if (nowMs < start - event.countdownMs) return 'upcoming';
  if (nowMs < start) return 'countdown';
  if (nowMs < start + event.revealMs) return 'reveal';
  if (nowMs < Date.parse(event.endsAt)) return 'live';
  return 'ended';
}

/** The next instant after `nowMs` at which the event's phase changes (undefined once it has ended). */
export function nextPhaseChangeMs(
  event: Pick<LaunchEvent, 'startsAt' | 'endsAt' | 'countdownMs' | 'revealMs'>,
  nowMs: number,
): number | undefined {
  const start = Date.parse(event.startsAt);
  const edges = [start - event.countdownMs, start, start + event.revealMs, Date.parse(event.endsAt)];
  return edges.find((edge) => edge > nowMs);
}

/** An event as `GET /api/events` lists it: the event and its phase when the server answered. */
export const EventSummary = z.object({
  id: Id,
  title: LocalizedText,
  summary: LocalizedText,
  heroProductId: Id,
  heroColourwayId: Id,
  startsAt: Instant,
  endsAt: Instant,
  countdownMs: z.number().int(),
  revealMs: z.number().int(),
  livePrices: z.array(LivePrice),
  phase: EventPhase,
});
export type EventSummary = z.infer<typeof EventSummary>;

/** `GET /api/events`: upcoming and live events soonest first, then past ones newest first; the server time. */
export const EventsResponse = z.object({
  serverTime: z.number().int(),
  events: z.array(EventSummary),
});
export type EventsResponse = z.infer<typeof EventsResponse>;

/**
 * What every shard copies into `state.event`: the event the arena shows (live, counting down, or the
 * next one; empty `id` when there is none). Times are server ms since the epoch.
 */
export interface VenueEventSnapshot {
  id: string;
  phase: EventPhase | '';
  startsAtMs: number;
  endsAtMs: number;
  countdownMs: number;
  revealMs: number;
  heroProductId: string;
  heroColourwayId: string;
  /** Grows with every published change, so a shard can ignore a stale copy. */
  seq: number;
}

/** The query parameter a share link opens the store at an event with (`/?event=<id>`). */
export const EVENT_LINK_PARAM = 'event';
