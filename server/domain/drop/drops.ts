import { type SkuRef, skuKey } from '../../../shared/catalog.ts';
import type { DropResult, DropView } from '../../../shared/drop.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { skuExists } from '../catalog.ts';
import { DomainError } from '../errors.ts';
import { createMemoryGate } from './gate.ts';
import { drawOrder } from './draw.ts';
import { type DropMemory, drawnResult, everyResult } from './results.ts';
import * as rows from './rows.ts';
import type { DropDeps, Drops, HeldUnit } from './deps.ts';

export type { DropDeps, DropResults, Drops, HeldUnit } from './deps.ts';

interface Live extends DropMemory {
  drawnAt: number | null;
  timer?: ReturnType<typeof setTimeout>;
  waiters: (() => void)[];
  flushing: Promise<void>;
  /** The draw under way (a timer and the host's close may both ask for it). */
  drawing?: Promise<void>;
}

/** Creates the drops of this process (the venue's owner). */
export function createDrops(deps: DropDeps): Drops {
  const gate = deps.gate ?? createMemoryGate();
  const flushMs = deps.flushMs ?? 200;
  const batchSize = deps.batchSize ?? 500;
  const drops = new Map<string, Live>();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  let sweeping: Promise<void> = Promise.resolve();

  const live = (row: rows.DropRow): Live => ({
    row,
    places: new Map(),
    drawnAt: null,
    holds: new Map(),
    waiters: [],
    flushing: Promise.resolve(),
  });

  function find(eventId: string): Live {
    const drop = drops.get(eventId);
    if (!drop) throw new DomainError(ErrorCode.notFound, `event ${eventId} has no drop`);
    return drop;
  }

  /** Persists what the gate accepted, one multi-row insert per batch; a failed batch stays in the gate for the next flush. */
  function flush(drop: Live): Promise<void> {
    drop.flushing = drop.flushing.then(async () => {
      for (;;) {
        const batch = await gate.batch(drop.row.eventId, batchSize);
        if (batch.length === 0) return;
        try {
          await rows.insertEntries(deps.db, drop.row.eventId, batch);
        } catch (e) {
          deps.log?.error({ err: e }, `drop ${drop.row.eventId}: ${batch.length} entries not persisted yet; retrying`);
          throw e;
        }
        await gate.persisted(drop.row.eventId, batch.length);
      }
    });
    drop.flushing = drop.flushing.catch(() => {});
    return drop.flushing;
  }

  function armWindow(drop: Live): void {
    const tick = () => {
      if (drop.row.status !== 'open') return;
      if (deps.now() >= (drop.row.closesAt ?? 0)) {
        void draw(drop).catch((e) => {
          deps.log?.error({ err: e }, `drop ${drop.row.eventId}: draw failed; trying again`);
          drop.timer = setTimeout(tick, flushMs);
        });
        return;
      }
      void flush(drop);
      drop.timer = setTimeout(tick, Math.min(flushMs, Math.max(1, (drop.row.closesAt ?? 0) - deps.now())));
    };
    tick();
  }

  function draw(drop: Live): Promise<void> {
    drop.drawing ??= drawOnce(drop).finally(() => {
      drop.drawing = undefined;
    });
    return drop.drawing;
  }

  async function drawOnce(drop: Live): Promise<void> {
    if (drop.row.status !== 'open') return;
    clearTimeout(drop.timer);
    const { eventId, holdMs } = drop.row;
    await gate.close(eventId);
    await flush(drop);
    // NOTE: an entry not yet in the database would be left out of the draw: no draw until all are in.
    if ((await gate.pending(eventId)) > 0) {
      throw new DomainError(
        ErrorCode.unavailable,
        'the entries are not all saved yet; the draw will be tried again',
        undefined,
        1,
      );
    }
    const drawStart = deps.now();
    // NOTE: the gate's entrants, every one of them in the database now (the flush above): reading
    // them back would be the draw's slowest step.
    const entered = await gate.entrants(eventId);
    const order = drawOrder(entered, deps.random);
    const expiresAt = deps.now() + holdMs;
    const done = await rows.writeDraw(deps.db, drop.row, order, expiresAt);
    if (!done) return;
    deps.log?.info({ drop: eventId, entrants: order.length, units: done.taken, ms: deps.now() - drawStart }, 'drop drawn');
    drop.row = { ...drop.row, status: 'drawn', drawnUnits: done.taken, nextOffer: done.taken + 1, drawOrder: order };
    order.forEach((visitorId, i) => {
      drop.places.set(visitorId, i + 1);
      if (i < done.taken)
        drop.holds.set(visitorId, { id: rows.holdId(eventId, visitorId), visitorId, status: 'held', expiresAt });
    });
    await gate.forget(eventId);
    deps.events.emit('stockChanged', { [drop.row.sku]: done.stock });
    drop.drawnAt = deps.now();
    deps.publish({ eventId, results: everyResult(drop, drop.drawnAt) });
    deps.changed?.(eventId);
    for (const wake of drop.waiters.splice(0)) wake();
  }

  async function lapse(drop: Live): Promise<void> {
    const { eventId } = drop.row;
    const passed = await rows.lapseHolds(deps.db, eventId, deps.now());
    const fresh = await rows.holdsOf(deps.db, eventId);
    drop.holds = new Map(fresh.map((h) => [h.visitorId, h]));
    if (passed.lapsed.length === 0) return;
    drop.row = { ...drop.row, nextOffer: (drop.row.nextOffer ?? 0) + passed.offered.length };
    if (passed.stock !== undefined) deps.events.emit('stockChanged', { [drop.row.sku]: passed.stock });
    const results: Record<string, DropResult> = {};
    for (const v of [...passed.lapsed, ...passed.offered.map((h) => h.visitorId)]) results[v] = drawnResult(drop, v, deps.now());
    deps.publish({ eventId, results });
  }

  async function sweep(): Promise<void> {
    sweeping = sweeping.then(async () => {
      const now = deps.now();
      for (const drop of drops.values()) {
        if (drop.row.status !== 'drawn') continue;
        // NOTE: an `ordering` hold past its expiry is looked at too: if its order ended without this
        // process hearing of it (the recovery loop), the database has it `held` again, to lapse.
        const overdue = [...drop.holds.values()].some(
          (h) => (h.status === 'held' || h.status === 'ordering') && h.expiresAt <= now,
        );
        if (!overdue) continue;
        try {
          await lapse(drop);
        } catch (e) {
          deps.log?.error({ err: e }, `drop ${drop.row.eventId}: holds not lapsed; the next sweep tries again`);
        }
      }
    });
    return sweeping;
  }

  async function result(drop: Live, visitorId: string | undefined): Promise<DropResult> {
    if (!visitorId) return { kind: 'none' };
    if (drop.row.status === 'drawn') return drawnResult(drop, visitorId, deps.now());
    return (await gate.has(drop.row.eventId, visitorId)) ? { kind: 'entered' } : { kind: 'none' };
  }

  async function view(drop: Live, visitorId: string | undefined): Promise<DropView> {
    const r = drop.row;
    return {
      eventId: r.eventId,
      sku: skuRefOf(r.sku),
      units: r.units,
      prices: r.prices,
      entryWindowMs: r.entryWindowMs,
      holdMs: r.holdMs,
      lineLength: r.lineLength,
      status: r.status,
      closesAt: r.closesAt,
      entrants: r.status === 'drawn' ? drop.places.size : await gate.count(r.eventId),
      drawnUnits: r.drawnUnits,
      drawnAt: drop.drawnAt,
      result: await result(drop, visitorId),
      serverTime: deps.now(),
    };
  }

  return {
    async create(eventId, config) {
      if (!(await deps.eventExists(eventId))) throw new DomainError(ErrorCode.notFound, `no event ${eventId}`);
      if (!skuExists(deps.catalog, config.sku)) throw new DomainError(ErrorCode.notFound, `no such SKU: ${skuKey(config.sku)}`);
      const sku = skuKey(config.sku);
      if (!(await rows.insertDrop(deps.db, eventId, sku, config))) {
        throw new DomainError(ErrorCode.dropRejected, `event ${eventId} already has a drop`);
      }
      const row = (await rows.liveDrops(deps.db)).find((d) => d.eventId === eventId);
      if (row) drops.set(eventId, live(row));
      deps.changed?.(eventId);
    },
    async open(eventId) {
      const drop = find(eventId);
      const closesAt = deps.now() + drop.row.entryWindowMs;
      if (drop.row.status !== 'scheduled' || !(await rows.openDropRow(deps.db, eventId, closesAt))) {
        throw new DomainError(ErrorCode.dropRejected, `the drop of ${eventId} was opened already`);
      }
      drop.row = { ...drop.row, status: 'open', closesAt };
      await gate.open(eventId, closesAt, []);
      armWindow(drop);
      deps.changed?.(eventId);
    },
    async close(eventId) {
      const drop = find(eventId);
      if (drop.row.status !== 'open') throw new DomainError(ErrorCode.dropRejected, `the drop of ${eventId} is not open`);
      await draw(drop);
    },
    async enter(eventId, visitorId) {
      const drop = find(eventId);
      const answer = await gate.enter(eventId, visitorId, deps.now());
      if (answer === 'closed') throw new DomainError(ErrorCode.dropRejected, 'entries to this drop are closed');
      if (answer === 'duplicate') throw new DomainError(ErrorCode.dropRejected, 'you have already entered this drop');
      if ((await gate.pending(eventId)) >= batchSize) void flush(drop);
      return { kind: 'entered' };
    },
    async view(eventId, visitorId) {
      return view(find(eventId), visitorId);
    },
    untilDrawn(eventId, waitMs) {
      const drop = find(eventId);
      if (drop.row.status === 'drawn') return undefined;
      return new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        // A wait that runs out leaves the list (a long-polling page would otherwise pile them up).
        const timer = setTimeout(() => {
          const at = drop.waiters.indexOf(wake);
          if (at >= 0) drop.waiters.splice(at, 1);
          resolve();
        }, waitMs);
        drop.waiters.push(wake);
      });
    },
    heldFor(visitorId) {
      const now = deps.now();
      const held: HeldUnit[] = [];
      for (const drop of drops.values()) {
        const hold = drop.holds.get(visitorId);
        if (hold?.status === 'held' && hold.expiresAt > now)
          held.push({ holdId: hold.id, sku: drop.row.sku, prices: drop.row.prices });
      }
      return held;
    },
    bought(visitorId, holdIds) {
      for (const drop of drops.values()) {
        const hold = drop.holds.get(visitorId);
        if (hold && holdIds.includes(hold.id)) drop.holds.set(visitorId, { ...hold, status: 'bought' });
      }
    },
    async orderSettled(order) {
      const skus = new Set(order.lines.map(skuKey));
      if (![...drops.values()].some((d) => d.row.status === 'drawn' && skus.has(d.row.sku))) return;
      for (const hold of await rows.holdsOfOrder(deps.db, order.id)) drops.get(hold.eventId)?.holds.set(hold.visitorId, hold);
    },
    async start() {
      for (const row of await rows.liveDrops(deps.db)) {
        const drop = live(row);
        drops.set(row.eventId, drop);
        if (row.status === 'open') {
          await gate.open(row.eventId, row.closesAt ?? 0, await rows.entrants(deps.db, row.eventId));
          armWindow(drop);
        } else if (row.status === 'drawn') {
          for (const [i, visitorId] of (row.drawOrder ?? []).entries()) drop.places.set(visitorId, i + 1);
          for (const h of await rows.holdsOf(deps.db, row.eventId)) drop.holds.set(h.visitorId, h);
        }
      }
      await sweep();
      sweeper = setInterval(() => void sweep(), deps.sweepMs ?? 1_000);
    },
    async stop() {
      clearInterval(sweeper);
      for (const drop of drops.values()) {
        clearTimeout(drop.timer);
        if (drop.row.status === 'open') await flush(drop);
        for (const wake of drop.waiters.splice(0)) wake();
      }
      await sweeping;
    },
    sweep,
  };
}

/** The SKU of a stored key (`product:colourway:size`; ids never hold a colon). */
function skuRefOf(key: string): SkuRef {
  const [productId = '', colourwayId = '', size = ''] = key.split(':');
  return { productId, colourwayId, size };
}
