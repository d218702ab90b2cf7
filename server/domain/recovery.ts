import { sql } from 'kysely';
import type { Log } from '../ops/logger.ts';
import type { CheckoutDeps } from './checkout.ts';
import { settleFromProvider, type SettleOutcome } from './settle.ts';

/** What one pass of the recovery loop did. */
export interface RecoveryPass {
  /** Orders settled, by how they ended. */
  settled: Record<SettleOutcome, number>;
  /** Orders still unknown (the provider has no payment for them and their hold runs). */
  waiting: number;
}

/**
 * One pass over every checkout order left `reserved` or `authorizing` that this process is not paying
 * right now (a crash, a lost answer, a stop): each is settled by asking the provider by its reference
 * (see settleFromProvider). Group-buy orders are not here: a member's hold is captured by the group's fill.
 */
export async function recoverOrders(deps: CheckoutDeps): Promise<RecoveryPass> {
  const rows = await deps.db
    .selectFrom('orders')
    .select('id')
    .where('status', 'in', ['reserved', 'authorizing'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('group_buy_commits').select(sql`1`.as('one')).whereRef('group_buy_commits.order_id', '=', 'orders.id')),
      ),
    )
    .orderBy('created_at')
    .limit(500)
    .execute();
  const pass: RecoveryPass = { settled: { paid: 0, declined: 0, expired: 0 }, waiting: 0 };
  for (const { id } of rows) {
    if (deps.inFlight.has(id)) continue;
    try {
      const settled = await settleFromProvider(deps, id);
      if (!settled) {
        pass.waiting++;
        continue;
      }
      pass.settled[settled.outcome]++;
      deps.events.emit('orderSettled', { order: settled.order, source: 'checkout', outcome: settled.outcome });
    } catch (e) {
      // NOTE: the provider may be down; the order stays as it is and the next pass asks again.
      pass.waiting++;
      deps.log?.warn({ err: e, order: id }, 'recovery: could not settle an order yet');
    }
  }
  return pass;
}

/**
 * Runs `recoverOrders` now and then every `intervalMs` (never two passes at once). Returns a stop
 * function that waits for a running pass.
 */
export function startOrderRecovery(deps: CheckoutDeps, options: { intervalMs: number; log: Log }): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const pass = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const p = await recoverOrders(deps);
      const total = p.settled.paid + p.settled.declined + p.settled.expired;
      if (total > 0) options.log.info({ ...p.settled, waiting: p.waiting }, `recovery: settled ${total} order(s)`);
    } catch (err) {
      options.log.error({ err }, 'recovery pass failed');
    } finally {
      busy = false;
    }
  };
  running = pass();
  const timer = setInterval(() => {
    running = pass();
  }, options.intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
