import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CatalogIndex } from '../domain/catalog.ts';
import type { DomainEvents, Emitter } from '../domain/events.ts';
import { toOrder } from '../domain/orders.ts';
import { RECEIPT_LEASE_S } from '../domain/settle.ts';
import type { Order } from '../../shared/api.ts';
import type { Log } from '../ops/logger.ts';
import path from 'node:path';
import type { Config } from '../config.ts';
import { createMailer, type Mailer } from './mailer.ts';
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

/** The order mails' parts from the config: the mailer (SMTP, or files in `<dataDir>/outbox`) and the links' base. */
export function orderMailDeps(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir' | 'publicUrl'>,
  db: OrderMailDeps['db'],
  catalog: OrderMailDeps['catalog'],
  log: OrderMailDeps['log'],
): OrderMailDeps {
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') });
  return { db, catalog, log, publicUrl: config.publicUrl, mailer };
}

const ATTEMPTS = 3;
const COLUMNS = {
  receipt: { sent: 'receipt_sent_at', lease: 'receipt_lease_until' },
  refund: { sent: 'refund_mail_sent_at', lease: 'refund_mail_lease_until' },
} as const;
const STATUS = { receipt: 'paid', refund: 'refunded' } as const;
/** How long a sender holds a mail it claimed: past it, the mail (if still unsent) is claimed again. */
const LEASE_S = RECEIPT_LEASE_S;
/** Sent marks wait at most this long to be written together. */
const MARK_EVERY_MS = 250;

const leaseEnd = () => sql<Date>`now() + make_interval(secs => ${LEASE_S})`;

/**
 * Writes "sent" on orders whose mail went out, many in one statement: a mail's send is followed by its
 * mark within MARK_EVERY_MS. A crash before the mark leaves the mail's lease to run out and the mail to
 * be sent again (a receipt twice rather than never).
 */
function createSentMarks(db: Kysely<Database>, log: Log) {
  const pending = { receipt: new Set<string>(), refund: new Set<string>() };
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = undefined;
    writing = writing.then(async () => {
      for (const kind of ['receipt', 'refund'] as const) {
        const ids = [...pending[kind]];
        pending[kind].clear();
        if (ids.length === 0) continue;
        const { sent, lease } = COLUMNS[kind];
        try {
          await db
            .updateTable('orders')
            .set({ [sent]: new Date(), [lease]: null })
            .where('id', 'in', ids)
            .execute();
        } catch (err) {
          log.warn({ err, orders: ids.length, kind }, 'order mails: could not mark sent; their leases run out and they go again');
        }
      }
    });
    return writing;
  };
  return {
    mark(kind: OrderMailKind, orderId: string) {
      pending[kind].add(orderId);
      timer ??= setTimeout(flush, MARK_EVERY_MS);
      timer.unref?.();
    },
    flush() {
      if (timer) clearTimeout(timer);
      return flush();
    },
  };
}

type SentMarks = ReturnType<typeof createSentMarks>;
const marksOf = new WeakMap<OrderMailDeps, SentMarks>();
const marks = (deps: OrderMailDeps) => {
  let m = marksOf.get(deps);
  if (!m) {
    m = createSentMarks(deps.db, deps.log);
    marksOf.set(deps, m);
  }
  return m;
};

/**
 * Sends a claimed mail: tried three times, then the claim is released and the failure logged (a later
 * pass tries again). Never throws. True when it went out; its "sent" mark follows (see createSentMarks).
 */
async function deliver(deps: OrderMailDeps, kind: OrderMailKind, order: Order, locale: string): Promise<boolean> {
  try {
    const mail = orderMail(kind, order, locale, deps.catalog, deps.publicUrl);
    for (let attempt = 1; ; attempt++) {
      try {
        await deps.mailer.send(mail);
        marks(deps).mark(kind, order.id);
        return true;
      } catch (err) {
        if (attempt >= ATTEMPTS) throw err;
        await (deps.wait ?? sleep)(1000 * attempt);
      }
    }
  } catch (err) {
    deps.log.error({ err, order: order.id, kind }, 'order mail failed; a later pass tries again');
    await deps.db
      .updateTable('orders')
      .set({ [COLUMNS[kind].lease]: null })
      .where('id', '=', order.id)
      .execute()
      .catch(() => {});
    return false;
  }
}

/**
 * Sends an order's receipt (it must be `paid`) or refund notice (`refunded`) if it is still owed: the
 * order row is claimed first — a lease, taken only when the mail is unsent and no other sender's lease
 * is running — so two callers (the checkout, the recovery loop, a second refund) never both send it.
 * Never throws: a mail problem must not fail the order. True when this call sent it.
 */
export async function sendOrderMail(deps: OrderMailDeps, kind: OrderMailKind, orderId: string): Promise<boolean> {
  const { sent, lease } = COLUMNS[kind];
  try {
    const row = await deps.db
      .updateTable('orders')
      .set({ [lease]: leaseEnd() })
      .where('id', '=', orderId)
      .where('status', '=', STATUS[kind])
      .where('email', 'is not', null)
      .where(sent, 'is', null)
      .where((eb) => eb.or([eb(lease, 'is', null), eb(lease, '<', sql<Date>`now()`)]))
      .returningAll()
      .executeTakeFirst();
    if (!row) return false;
    return deliver(deps, kind, toOrder(row), row.locale ?? 'en');
  } catch (err) {
    deps.log.error({ err, order: orderId, kind }, 'order mail could not be prepared');
    return false;
  }
}

/** Sends every receipt and refund notice still owed (a failed send, or a crash before sending or marking). */
export async function sendPending(deps: OrderMailDeps): Promise<number> {
  let sent = 0;
  for (const kind of ['receipt', 'refund'] as const) {
    const { sent: sentAt, lease } = COLUMNS[kind];
    const rows = await deps.db
      .selectFrom('orders')
      .select('id')
      .where('status', '=', STATUS[kind])
      .where('email', 'is not', null)
      .where(sentAt, 'is', null)
      .where((eb) => eb.or([eb(lease, 'is', null), eb(lease, '<', sql<Date>`now()`)]))
      .limit(50)
      .execute();
    for (const { id } of rows) if (await sendOrderMail(deps, kind, id)) sent++;
  }
  await marks(deps).flush();
  return sent;
}

/**
 * Mails each receipt when its order becomes paid in this process (at checkout or by the recovery loop:
 * both publish `orderSettled`; settling a checkout order claims its receipt, a group-buy order's is
 * claimed here). Every process runs it, since any process takes checkouts. Returns the stop function
 * (it writes the last marks).
 */
export function mailReceipts(deps: OrderMailDeps, events: Emitter<DomainEvents>): () => Promise<void> {
  const off = events.on('orderSettled', async ({ order, outcome, receipt }) => {
    if (receipt) await deliver(deps, 'receipt', order, receipt.locale);
    else if (outcome === 'paid') await sendOrderMail(deps, 'receipt', order.id);
  });
  return async () => {
    off();
    await marks(deps).flush();
  };
}

/**
 * Every `intervalMs` sends what is still owed (a failed send, a crash before sending): the venue's
 * owner runs it, one process for the venue. Returns the stop function (it writes the last marks).
 */
export function startOrderMails(deps: OrderMailDeps, intervalMs: number): () => Promise<void> {
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
  return async () => {
    clearInterval(timer);
    await marks(deps).flush();
  };
}
