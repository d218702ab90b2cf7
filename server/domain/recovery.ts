import { sql } from 'kysely';
import type { Log } from '../ops/logger.ts';
import type { CheckoutDeps } from './checkout.ts';
import { publishStock } from './events.ts';
import { pendingFills, settleFill } from './groupBuy/fill.ts';
import { settleFromProvider, type SettleOutcome } from './settle.ts';

/** What one pass of the recovery loop did. */
export interface RecoveryPass {
  /** Orders settled, by how they ended. */
  settled: Record<SettleOutcome, number>;
  /** Orders still unknown (the provider has no payment for them and their hold runs). */
  waiting: number;
  /** Filled group-buy orders whose capture was cut short, by how they ended (`waiting`: still unknown). */
  fills: { paid: number; declined: number; waiting: number };
}

/** A filled group's orders are left to the fill that placed them for this long before the loop captures them. */
export const FILL_GRACE_MS = 5000;

/**
 * One pass over every checkout order left `reserved` or `authorizing` that this process is not paying
 * right now (a crash, a lost answer, a stop): each is settled by asking the provider by its reference
 * (see settleFromProvider). Group-buy orders are settled apart (recoverFills): a member's hold is captured.
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
  const pass: RecoveryPass = {
    settled: { paid: 0, declined: 0, expired: 0 },
    waiting: 0,
    fills: { paid: 0, declined: 0, waiting: 0 },
  };
  for (const { id } of rows) {
    if (deps.inFlight.has(id)) continue;
    try {
      const settled = await settleFromProvider(deps, id);
      if (!settled) {
        pass.waiting++;
        continue;
      }
      pass.settled[settled.outcome]++;
      deps.events.emit('orderSettled', {
        order: settled.order,
        source: 'checkout',
        outcome: settled.outcome,
        ...(settled.receipt ? { receipt: settled.receipt } : {}),
      });
    } catch (e) {
      // NOTE: the provider may be down; the order stays as it is and the next pass asks again.
      pass.waiting++;
      deps.log?.warn({ err: e, order: id }, 'recovery: could not settle an order yet');
    }
  }
  pass.fills = await recoverFills(deps);
  return pass;
}

/**
 * Captures again every filled group's order left `authorizing` (the server stopped mid-fill, or a
 * capture's answer was lost), once the fill that placed it has had FILL_GRACE_MS to do so itself.
 */
async function recoverFills(deps: CheckoutDeps): Promise<RecoveryPass['fills']> {
  const members = await pendingFills(deps.db, new Date(deps.now() - FILL_GRACE_MS));
  const fills = { paid: 0, declined: 0, waiting: 0 };
  if (members.length === 0) return fills;
  const { stock } = await settleFill(deps, members);
  publishStock(deps.events, stock);
  const rows = await deps.db
    .selectFrom('orders')
    .select('status')
    .where(
      'id',
      'in',
      members.map((m) => m.order.id),
    )
    .execute();
  for (const { status } of rows) {
    if (status === 'paid') fills.paid++;
    else if (status === 'declined') fills.declined++;
    else fills.waiting++;
  }
  return fills;
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
      const total = p.settled.paid + p.settled.declined + p.settled.expired + p.fills.paid + p.fills.declined;
      if (total > 0)
        options.log.info({ ...p.settled, waiting: p.waiting, fills: p.fills }, `recovery: settled ${total} order(s)`);
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
