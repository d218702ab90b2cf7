import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Kysely, PGliteDialect } from 'kysely';
import type { Database } from '../../../../server/db/schema.ts';
import { seedCatalog } from '../../../../server/db/seed.ts';
import { indexCatalog, loadSeedFile } from '../../../../server/domain/catalog.ts';
import { placeOrder, type CheckoutDeps, type ValidOrderRequest } from '../../../../server/domain/checkout.ts';
import { createDomainEvents } from '../../../../server/domain/events.ts';
import { createDemoPaymentProvider } from '../../../../server/domain/payments.ts';
import type { StockChanges } from '../../../../server/domain/stock.ts';
import { templateDatabase } from '../../../integration/support/pgliteTemplate.ts';

const seed = loadSeedFile(path.resolve(import.meta.dirname, '../../../../server/db/seed/catalog.json'));
const catalog = indexCatalog(seed);
const shoe = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };
const request = (cardNumber = '4242424242424242', quantity = 1): ValidOrderRequest => ({
  currency: 'USD',
  lines: [{ ...shoe, quantity }],
  payment: { method: 'card', cardNumber },
});

let db: Kysely<Database>;
let published: StockChanges[];
const deps = (payments: CheckoutDeps['payments'] = createDemoPaymentProvider({ delayMs: 0 })): CheckoutDeps => ({
  db,
  catalog,
  payments,
  events: stockListener(),
});
/** A domain event bus whose stock changes land in `published`. */
const stockListener = () => {
  const events = createDomainEvents();
  events.on('stockChanged', (c) => {
    published.push(c);
  });
  return events;
};
const stock = async () =>
  (await db.selectFrom('skus').select('stock').where('sku', '=', 'court-runner-2:red:42').executeTakeFirstOrThrow()).stock;

beforeEach(async () => {
  db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: await templateDatabase() }) });
  await seedCatalog(db, seed);
  published = [];
});
afterEach(async () => {
  await db.destroy();
});

describe('placeOrder', () => {
  it('charges the catalog price, marks the order paid and publishes the new stock', async () => {
    const res = await placeOrder(deps(), 'v_a', 'key-00000001', request('4242424242424242', 2));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'paid', currency: 'USD', total: 25800 });
    expect(await stock()).toBe(1);
    expect(published).toEqual([{ 'court-runner-2:red:42': 1 }]);
  });

  it('declines the demo decline card and gives the stock back', async () => {
    const res = await placeOrder(deps(), 'v_a', 'key-00000002', request('4000000000000002'));
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({ error: { code: 'payment_declined' }, order: { status: 'declined' } });
    expect(await stock()).toBe(3);
    expect(published).toEqual([{ 'court-runner-2:red:42': 2 }, { 'court-runner-2:red:42': 3 }]);
  });

  it('treats a failing payment provider as a decline, so stock is never stuck', async () => {
    const broken: CheckoutDeps['payments'] = { name: 'broken', charge: () => Promise.reject(new Error('gateway down')) };
    const res = await placeOrder(deps(broken), 'v_a', 'key-00000003', request());
    expect(res.status).toBe(402);
    expect(await stock()).toBe(3);
  });

  it('never sells below zero and stores nothing for an out-of-stock request', async () => {
    await expect(placeOrder(deps(), 'v_a', 'key-00000004', request('4242424242424242', 4))).rejects.toMatchObject({
      code: 'out_of_stock',
    });
    expect(await stock()).toBe(3);
    expect(await db.selectFrom('orders').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
  });

  it('makes a retry with the same key wait for the first and replay it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: CheckoutDeps['payments'] = {
      name: 'slow',
      async charge(req) {
        await gate;
        return { status: 'approved', reference: req.orderId };
      },
    };
    const first = placeOrder(deps(slow), 'v_a', 'key-00000005', request());
    const second = placeOrder(deps(slow), 'v_a', 'key-00000005', request());
    setTimeout(release, 50);
    const [a, b] = await Promise.all([first, second]);
    expect(b).toEqual(a);
    expect(await db.selectFrom('orders').selectAll().execute()).toHaveLength(1);
    expect(await stock()).toBe(2);
  });

  it('scopes idempotency keys to the visitor', async () => {
    const a = await placeOrder(deps(), 'v_a', 'key-00000006', request());
    const b = await placeOrder(deps(), 'v_b', 'key-00000006', request());
    expect((a.body as { id: string }).id).not.toBe((b.body as { id: string }).id);
  });
});
