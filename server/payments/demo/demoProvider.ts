import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely, Selectable } from 'kysely';
import { DEMO_CARDS, type DemoOutcome } from '../../../shared/demoPay.ts';
import type { Currency } from '../../../shared/money.ts';
import type { Database, DemoPayPaymentsTable } from '../../db/schema.ts';
import { type CreatePayment, type Payment, type PaymentProvider, type PaymentStatus, PaymentUnavailable } from '../provider.ts';

export interface DemoProviderOptions {
  /** How long every answer takes (the card network "thinking"). */
  delayMs: number;
  /** How long the `slow` test card's answer takes. */
  slowMs?: number;
}

/** The documented test tokens (`pm_card_visa`…) that need no tokenization, as Stripe's do. */
const TEST_TOKENS = new Map(Object.values(DEMO_CARDS).map((c) => [c.testToken, c.outcome]));

/** How many tokenized payment methods' outcomes the provider remembers. */
const REMEMBERED_METHODS = 10_000;

const DECLINES: Partial<Record<DemoOutcome, string>> = { decline: 'card_declined', insufficient_funds: 'insufficient_funds' };

export const newDemoId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-]/g, '_')}`;

function toPayment(row: Selectable<DemoPayPaymentsTable>): Payment {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as PaymentStatus,
    amount: row.amount,
    currency: row.currency as Currency,
    refunded: row.refunded,
    ...(row.decline_code ? { declineCode: row.decline_code } : {}),
  };
}

/**
 * The demo payment provider, in process. It behaves as a card provider does (idempotent by reference,
 * holds and captures, refunds, look-up by reference) and moves no money. Its records live in its own
 * tables (`demo_pay_*`) of the store's database, so that, like a real provider, it still knows after
 * the store crashed what it answered before: that is what the recovery loop asks. It never stores a
 * card number: a payment method token keeps the brand, last 4 digits, expiry and the test outcome.
 */
export function createDemoProvider(db: Kysely<Database>, options: DemoProviderOptions): PaymentProvider {
  const think = () => (options.delayMs > 0 ? sleep(options.delayMs) : Promise.resolve());
  const find = async (id: string) => {
    const row = await db.selectFrom('demo_pay_payments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Error(`demo provider: no such payment ${id}`);
    return row;
  };
  // NOTE: a payment method's outcome never changes: remembered (bounded) so a payment is one statement.
  const outcomes = new Map<string, DemoOutcome>();
  const outcomeOf = async (method: string): Promise<DemoOutcome | undefined> => {
    const known = TEST_TOKENS.get(method) ?? outcomes.get(method);
    if (known) return known;
    const row = await db.selectFrom('demo_pay_methods').select('outcome').where('id', '=', method).executeTakeFirst();
    if (!row) return undefined;
    if (outcomes.size >= REMEMBERED_METHODS) outcomes.delete(outcomes.keys().next().value as string);
    outcomes.set(method, row.outcome as DemoOutcome);
    return row.outcome as DemoOutcome;
  };
  const setStatus = async (id: string, status: PaymentStatus, refunded?: number) =>
    toPayment(
      await db
        .updateTable('demo_pay_payments')
        .set({ status, ...(refunded === undefined ? {} : { refunded }), updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );

  return {
    name: 'demo',
    async createPayment(request: CreatePayment) {
      await think();
      const outcome = await outcomeOf(request.paymentMethod);
      if (outcome === 'slow') await sleep(options.slowMs ?? 8000);
      const decline = outcome === undefined ? 'invalid_payment_method' : DECLINES[outcome];
      const status: PaymentStatus = decline ? 'declined' : request.capture === 'automatic' ? 'succeeded' : 'requires_capture';
      // NOTE: the reference is the idempotency key: a second request for it gets the first payment.
      const row =
        (await db
          .insertInto('demo_pay_payments')
          .values({
            id: newDemoId('pay'),
            reference: request.reference,
            method_id: request.paymentMethod,
            amount: request.amount,
            currency: request.currency,
            status,
            decline_code: decline ?? null,
          })
          .onConflict((oc) => oc.column('reference').doNothing())
          .returningAll()
          .executeTakeFirst()) ??
        (await db
          .selectFrom('demo_pay_payments')
          .selectAll()
          .where('reference', '=', request.reference)
          .executeTakeFirstOrThrow());
      if (outcome === 'network_error')
        throw new PaymentUnavailable('demo provider: the answer was lost on the network (test card)');
      return toPayment(row);
    },
    async capture(paymentId, amount) {
      await think();
      const row = await find(paymentId);
      if (row.status === 'succeeded') return toPayment(row);
      if (row.status !== 'requires_capture') throw new Error(`demo provider: cannot capture a ${row.status} payment`);
      if (amount !== undefined && amount < row.amount) {
        await db.updateTable('demo_pay_payments').set({ amount }).where('id', '=', paymentId).execute();
      }
      return setStatus(paymentId, 'succeeded');
    },
    async cancel(paymentId) {
      await think();
      const row = await find(paymentId);
      if (row.status === 'canceled' || row.status === 'declined') return toPayment(row);
      if (row.status !== 'requires_capture') throw new Error(`demo provider: cannot cancel a ${row.status} payment`);
      return setStatus(paymentId, 'canceled');
    },
    async refund(paymentId, amount) {
      await think();
      const row = await find(paymentId);
      if (row.status !== 'succeeded' && row.status !== 'refunded')
        throw new Error(`demo provider: cannot refund a ${row.status} payment`);
      const refunded = Math.min(row.amount, row.refunded + (amount ?? row.amount - row.refunded));
      return setStatus(paymentId, 'refunded', refunded);
    },
    async findByReference(reference) {
      await think();
      const row = await db.selectFrom('demo_pay_payments').selectAll().where('reference', '=', reference).executeTakeFirst();
      if (!row) return null;
      const method = await db
        .selectFrom('demo_pay_methods')
        .select(['brand', 'last4'])
        .where('id', '=', row.method_id)
        .executeTakeFirst();
      return { ...toPayment(row), ...(method ? { card: method } : {}) };
    },
  };
}
