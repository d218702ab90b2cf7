import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CatalogIndex } from '../domain/catalog.ts';
import type { DomainEvents, Emitter } from '../domain/events.ts';
import { toOrder } from '../domain/orders.ts';
import type { Log } from '../ops/logger.ts';
import type { Mailer } from './mailer.ts';
import { type OrderMailKind, orderMail } from './receipt.ts';

export interface OrderMailDeps {
  db: Kysely<Database>;
  mailer: Mailer;
  catalog: CatalogIndex;
  publicUrl: string;
  log: Log;
  /** Waits between attempts (tests pass one that does not wait). */
  wait?: (ms: number) => Promise<void>;
}

const ATTEMPTS = 3;
const CLAIM = { receipt: 'receipt_sent_at', refund: 'refund_mail_sent_at' } as const;
const STATUS = { receipt: 'paid', refund: 'refunded' } as const;

/**
 * Sends an order's receipt (it must be `paid`) or refund notice (`refunded`) at most once: the order
 * row is claimed first (`receipt_sent_at` / `refund_mail_sent_at` set only if still null), so two
 * callers — the checkout, the recovery loop, a second refund — never both send. A failed send is
 * tried again twice, then the claim is released and the failure logged: a later `sendPending` pass
 * tries again. Never throws: a mail problem must not fail the order. True when this call sent it.
 */
export async function sendOrderMail(deps: OrderMailDeps, kind: OrderMailKind, orderId: string): Promise<boolean> {
  const column = CLAIM[kind];
  try {
    const row = await deps.db
      .updateTable('orders')
      .set({ [column]: new Date() })
      .where('id', '=', orderId)
      .where('status', '=', STATUS[kind])
      .where('email', 'is not', null)
      .where(column, 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) return false;
    const mail = orderMail(kind, toOrder(row), row.locale ?? 'en', deps.catalog, deps.publicUrl);
    for (let attempt = 1; ; attempt++) {
      try {
        await deps.mailer.send(mail);
        return true;
      } catch (err) {
        if (attempt >= ATTEMPTS) {
          deps.log.error({ err, order: orderId, kind }, 'order mail failed; a later pass tries again');
          await deps.db
            .updateTable('orders')
            .set({ [column]: null })
            .where('id', '=', orderId)
            .execute();
          return false;
        }
        await (deps.wait ?? sleep)(1000 * attempt);
      }
    }
  } catch (err) {
    deps.log.error({ err, order: orderId, kind }, 'order mail could not be prepared');
    return false;
  }
}

/** Sends every receipt and refund notice still owed (a failed send, or a crash before sending). */
export async function sendPending(deps: OrderMailDeps): Promise<number> {
  let sent = 0;
  for (const kind of ['receipt', 'refund'] as const) {
    const rows = await deps.db
      .selectFrom('orders')
      .select('id')
      .where('status', '=', STATUS[kind])
      .where('email', 'is not', null)
      .where(CLAIM[kind], 'is', null)
      .limit(50)
      .execute();
    for (const { id } of rows) if (await sendOrderMail(deps, kind, id)) sent++;
  }
  return sent;
}

/**
 * Mails each receipt when its order becomes paid (at checkout or by the recovery loop: both publish
 * `orderSettled`), and every `intervalMs` sends what is still owed. Returns the stop function.
 */
export function startOrderMails(deps: OrderMailDeps, events: Emitter<DomainEvents>, intervalMs: number): () => void {
  const off = events.on('orderSettled', async ({ order, outcome }) => {
    if (outcome === 'paid') await sendOrderMail(deps, 'receipt', order.id);
  });
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      await sendPending(deps);
    } catch (err) {
      deps.log.warn({ err }, 'pending order mails: pass failed');
    } finally {
      busy = false;
    }
  }, intervalMs);
  timer.unref();
  return () => {
    off();
    clearInterval(timer);
    deps.mailer.close();
  };
}
