import type { CheckoutResponse } from '../domain/orderRows.ts';
import { type CommitOutcome, commitToGroup, type ValidCommitRequest } from '../domain/groupBuy/commit.ts';
import type { GroupBuyDeps } from '../domain/groupBuy/deps.ts';
import { expireGroup, overdueGroups } from '../domain/groupBuy/expire.ts';
import { pendingFills, settleFill } from '../domain/groupBuy/fill.ts';
import { type GroupBuysSnapshot, openGroups } from '../domain/groupBuy/rows.ts';
import { publishStock, type DomainPublisher } from '../domain/events.ts';
import type { StockChanges } from '../domain/stock.ts';
import type { Log } from '../ops/logger.ts';

/** The venue's group buys: commits, the window timers, and the open groups every shard shows. */
export interface VenueGroupBuys {
  /** Expires groups whose window ended while the server was down, settles fills cut short, arms the timers. */
  start(): Promise<void>;
  commit(visitorId: string, key: string, productId: string, request: ValidCommitRequest): Promise<CheckoutResponse>;
  snapshot(): GroupBuysSnapshot;
  /** Re-reads the open groups, publishes them and re-arms the timers; resolves when done (tests and expiry use it). */
  refresh(): Promise<void>;
  /** Stops every timer; nothing more is published. */
  close(): void;
}

export interface VenueGroupBuysOptions {
  deps: GroupBuyDeps;
  /** Where the open groups (`groupsChanged`) and the stock moved by commits, expiries and declined captures (`stockChanged`) go. */
  events: DomainPublisher;
  log: Log;
  /** The `seq` the previous owner's last copy had (a takeover counts on from it, so shards take the new copies). */
  seqFrom?: number;
}

/**
 * Creates the venue's group-buy service. The database is the truth: after every change the open
 * groups are read again (one read at a time, so a later snapshot is never older) and published
 * whole; a timer per open group expires it at its `endsAt`.
 */
export function createVenueGroupBuys({ deps: given, events, log, seqFrom }: VenueGroupBuysOptions): VenueGroupBuys {
  // NOTE: the domain tells a fill's orders on the same events the venue relays stock and groups from.
  const deps: GroupBuyDeps = { ...given, events };
  let current: GroupBuysSnapshot = { seq: seqFrom ?? 0, groups: {} };
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;
  let reading: Promise<void> = Promise.resolve();

  const stock = (changes: StockChanges) => publishStock(events, changes);

  function arm(groupId: string, endsAt: number): void {
    if (closed || timers.has(groupId)) return;
    const timer = setTimeout(() => void onWindowEnd(groupId), Math.max(0, endsAt - deps.now()));
    timer.unref();
    timers.set(groupId, timer);
  }

  async function onWindowEnd(groupId: string): Promise<void> {
    timers.delete(groupId);
    if (closed) return;
    try {
      const result = await expireGroup(deps, groupId);
      if (result.kind === 'open') return arm(groupId, result.endsAt);
      if (result.kind === 'expired') stock(result.stock);
      await refresh();
    } catch (e) {
      log.error({ err: e }, `group buy ${groupId}: expiry failed; retrying in 5 s`);
      if (!closed) arm(groupId, deps.now() + 5000);
    }
  }

  function refresh(): Promise<void> {
    reading = reading.then(async () => {
      if (closed) return;
      const open = await openGroups(deps.db);
      const groups: GroupBuysSnapshot['groups'] = {};
      for (const g of open) {
        groups[g.productId] = { groupId: g.groupId, committed: g.committed, size: g.size, endsAt: g.endsAt };
        arm(g.groupId, g.endsAt);
      }
      const openIds = new Set(open.map((g) => g.groupId));
      for (const [id, timer] of timers) {
        if (!openIds.has(id)) {
          clearTimeout(timer);
          timers.delete(id);
        }
      }
      current = { seq: current.seq + 1, groups };
      events.emit('groupsChanged', current);
    });
    // NOTE: a failed read must not jam the queue for every later change.
    reading = reading.catch((e) => log.error({ err: e }, 'group buy: could not read the open groups'));
    return reading;
  }

  return {
    async start() {
      for (const id of await overdueGroups(deps.db, deps.now())) {
        const result = await expireGroup(deps, id);
        if (result.kind === 'expired') stock(result.stock);
      }
      const cutShort = await pendingFills(deps.db);
      if (cutShort.length > 0) stock((await settleFill(deps, cutShort)).stock);
      await refresh();
    },
    async commit(visitorId, key, productId, request) {
      let outcome: CommitOutcome;
      try {
        outcome = await commitToGroup(deps, visitorId, key, productId, request);
      } finally {
        // NOTE: a rejected commit may have met a group past its window that the timer has not ended yet.
        void refresh();
      }
      stock(outcome.stock);
      await reading;
      return outcome.response;
    },
    snapshot: () => current,
    refresh,
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
