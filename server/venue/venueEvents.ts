import type { Kysely } from 'kysely';
import {
  type DemoSchedule,
  type EventPhase,
  type EventSummary,
  eventPhase,
  type LaunchEvent,
  nextPhaseChangeMs,
  type VenueEventSnapshot,
} from '../../shared/events.ts';
import type { Currency } from '../../shared/money.ts';
import type { Database } from '../db/schema.ts';
import { demoRuns, livePriceAt } from '../domain/launch/eventRules.ts';
import { type EventSource, readEvents, updateAdminEvent } from '../domain/launch/eventStore.ts';
import { moveEventPhase } from '../domain/launch/phaseMove.ts';
import type { HOST_PHASES } from '../../shared/eventHosts.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { Log } from '../ops/logger.ts';

/** The venue's launch events: their phases by the server's clock, the one the arena shows, live prices. */
export interface VenueEvents {
  /** The event the arena shows now (what every shard copies into `state.event`). */
  snapshot(): VenueEventSnapshot;
  /** Upcoming and live events soonest first, then past ones newest first, with their phases now. */
  list(): EventSummary[];
  /** One event and where it came from (`demo`: the demo loop's run). */
  find(id: string): { event: LaunchEvent; source: EventSource | 'demo' } | undefined;
  /** A product's live-only price now, if an event that is live has one (checkout and quotes use it). */
  livePrice(productId: string, currency: Currency): number | undefined;
  /**
   * A host's "move to this phase now": rewrites the event's times (domain/launch/phaseMove.ts), stores
   * them and publishes at once. Only forward moves, only admin events (a file or demo event keeps its
   * own timeline: the file is the truth for it). Moves run one at a time.
   */
  movePhase(id: string, phase: (typeof HOST_PHASES)[number]): Promise<PhaseMoveResult>;
  /** Reads the stored events again (after the admin API changed one) and publishes what changed. */
  reload(): Promise<void>;
  /** Reads the stored events and arms the phase timer. */
  start(): Promise<void>;
  close(): void;
}

/** What a phase move did: the event as it is now, or why nothing changed. */
export type PhaseMoveResult =
  | { ok: true; event: EventSummary }
  | {
      ok: false;
      code: typeof ErrorCode.notFound | typeof ErrorCode.eventConflict | typeof ErrorCode.phaseNotForward;
      message: string;
    };

export interface VenueEventsOptions {
  db: Kysely<Database>;
  demo: DemoSchedule | undefined;
  /** Called with every change of the shown event or its phase (shards hear it through presence). */
  publish(snapshot: VenueEventSnapshot): void;
  /** Server time in ms since the epoch. */
  now: () => number;
  log: Log;
  /** The `seq` the previous owner's last copy had (a takeover counts on from it, so shards take the new copies). */
  seqFrom?: number;
}

const NONE: Omit<VenueEventSnapshot, 'seq'> = {
  id: '',
  phase: '',
  startsAtMs: 0,
  endsAtMs: 0,
  countdownMs: 0,
  revealMs: 0,
  heroProductId: '',
  heroColourwayId: '',
};

/** Which event the arena shows when several are on: a reveal, then a countdown, then a live sale, then the next one. */
const SHOWN_FIRST: Record<EventPhase, number> = { reveal: 0, countdown: 1, live: 2, upcoming: 3, ended: 4 };

/** Timers may fire a millisecond or so early: an edge this close counts as reached. */
const EDGE_SLACK_MS = 3;

/**
 * Creates the venue's launch events in this process (the owner, like the match clock): stored events
 * (EVENTS_FILE and the admin API) plus the demo loop's runs (made from `now()` at creation), a timer
 * at the next phase edge of any of them, and a published snapshot whenever the shown event or its phase
 * changes.
 */
export function createVenueEvents(options: VenueEventsOptions): VenueEvents {
  const { db, demo, publish, now, log } = options;
  const startedAtMs = now();
  let stored: { event: LaunchEvent; source: EventSource }[] = [];
  let current: VenueEventSnapshot = { ...NONE, seq: options.seqFrom ?? 0 };
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let moves: Promise<unknown> = Promise.resolve();

  const all = (at: number): { event: LaunchEvent; source: EventSource | 'demo' }[] => [
    ...stored,
    ...(demo ? demoRuns(demo, startedAtMs, at).map((event) => ({ event, source: 'demo' as const })) : []),
  ];

  function shown(at: number): Omit<VenueEventSnapshot, 'seq'> {
    let best: { event: LaunchEvent; phase: EventPhase } | undefined;
    for (const { event } of all(at)) {
      const phase = eventPhase(event, at);
      if (phase === 'ended') continue;
      const better =
        !best ||
        SHOWN_FIRST[phase] < SHOWN_FIRST[best.phase] ||
        (SHOWN_FIRST[phase] === SHOWN_FIRST[best.phase] && Date.parse(event.startsAt) < Date.parse(best.event.startsAt));
      if (better) best = { event, phase };
    }
    if (!best) return NONE;
    const { event, phase } = best;
    return {
      id: event.id,
      phase,
      startsAtMs: Date.parse(event.startsAt),
      endsAtMs: Date.parse(event.endsAt),
      countdownMs: event.countdownMs,
      revealMs: event.revealMs,
      heroProductId: event.heroProductId,
      heroColourwayId: event.heroColourwayId,
    };
  }

  function update(): void {
    if (closed) return;
    const at = now() + EDGE_SLACK_MS;
    const next = shown(at);
    const changed = (Object.keys(NONE) as (keyof typeof NONE)[]).some((k) => next[k] !== current[k]);
    if (changed) {
      current = { ...next, seq: current.seq + 1 };
      publish(current);
    }
    arm(at);
  }

  function arm(at: number): void {
    if (timer) clearTimeout(timer);
    const edges = all(at)
      .map(({ event }) => nextPhaseChangeMs(event, at))
      .filter((edge): edge is number => edge !== undefined);
    const soonest = Math.min(...edges.filter((edge) => edge > at));
    if (!Number.isFinite(soonest)) return;
    // NOTE: setTimeout holds at most ~24.8 days; an event further away is re-armed on the way.
    timer = setTimeout(update, Math.min(soonest - now(), 2 ** 31 - 1));
    timer.unref();
  }

  return {
    snapshot: () => current,
    list() {
      const at = now();
      const summaries = all(at).map(({ event }): EventSummary => ({ ...event, phase: eventPhase(event, at) }));
      const open = summaries.filter((e) => e.phase !== 'ended').sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
      const past = summaries.filter((e) => e.phase === 'ended').sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
      return [...open, ...past];
    },
    find: (id) => all(now()).find((e) => e.event.id === id),
    livePrice: (productId, currency) =>
      livePriceAt(
        all(now()).map((e) => e.event),
        productId,
        currency,
        now(),
      ),
    movePhase(id, phase) {
      const move = async (): Promise<PhaseMoveResult> => {
        const found = all(now()).find((e) => e.event.id === id);
        if (!found) return { ok: false, code: ErrorCode.notFound, message: 'no such event' };
        if (found.source !== 'admin') {
          const where = found.source === 'file' ? 'EVENTS_FILE' : 'the demo loop';
          return { ok: false, code: ErrorCode.eventConflict, message: `"${id}" runs on its own timeline from ${where}` };
        }
        const at = now();
        const moved = moveEventPhase(found.event, phase, at);
        if (!moved.ok) return { ok: false, code: ErrorCode.phaseNotForward, message: moved.message };
        if (!(await updateAdminEvent(db, moved.event))) return { ok: false, code: ErrorCode.notFound, message: 'no such event' };
        stored = await readEvents(db);
        update();
        return { ok: true, event: { ...moved.event, phase: eventPhase(moved.event, at) } };
      };
      const result = moves.then(move);
      moves = result.catch(() => undefined);
      return result;
    },
    async reload() {
      stored = await readEvents(db);
      update();
    },
    async start() {
      stored = await readEvents(db);
      log.info({ events: stored.length, demo: Boolean(demo) }, 'launch events read');
      update();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
