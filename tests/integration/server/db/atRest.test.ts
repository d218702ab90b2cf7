import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAY, luhnValid } from '../../../../shared/demoPay.ts';
import { groupBuyCommitsPath } from '../../../../shared/groupBuy.ts';
import { fillCart, line } from '../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

/**
 * Nothing to recover at rest: after real checkouts and group-buy commits paid with cards that went
 * through the demo provider's tokenization, no row of any table holds a card number or a hash of one.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { apiRatePerMinute: 10_000, sessionRatePerMinute: 10_000 } });
});
afterAll(async () => {
  await server?.close();
});

/** A random Luhn-valid 16-digit number starting with 4 (a card the demo provider approves). */
function randomCard(): string {
  for (;;) {
    const n = `4${Array.from({ length: 15 }, () => Math.floor(Math.random() * 10)).join('')}`;
    if (luhnValid(n)) return n;
  }
}

/** Every row of every table in the public schema, as one text (what a dump of the database holds). */
async function dumpText(): Promise<string> {
  const db = server.app.ctx.db;
  const tables = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)}`.execute(db);
    parts.push(`${table_name}: ${JSON.stringify(rows.rows)}`);
  }
  return parts.join('\n');
}

/**
 * Runs of 13–19 digits that pass the Luhn check and start as a payment card does (major industry
 * identifier 2–6: Mastercard 2-series and 5, Amex/Diners/JCB 3, Visa 4, Discover/UnionPay 6).
 * NOTE: a millisecond timestamp (13 digits from 1) passes the Luhn check one time in ten: it is no card.
 */
const luhnRuns = (text: string) =>
  [...text.matchAll(/\d{13,19}/g)].map((m) => m[0]).filter((run) => /^[2-6]/.test(run) && luhnValid(run));

describe('card data at rest', () => {
  it('a dump after checkouts and group buys holds no Luhn-valid 13–19-digit run and no hash of a card', async () => {
    const cards = [randomCard(), randomCard(), randomCard(), '4242424242424242', '4000000000000002'];
    const buyer = await server.visitor('Payer');
    const api = server.api(buyer.token);
    for (const [i, number] of cards.entries()) {
      const method = await server.api().post(DEMO_PAY.paymentMethods, { number, expMonth: 12, expYear: 2040, cvc: '123' });
      expect(method.status).toBe(201);
      expect(method.body).toMatchObject({ last4: number.slice(-4) });
      const payment = { method: 'card', paymentMethod: method.body.id as string };
      const cartVersion = await fillCart(api, [line('street-ball', 'black', '7', 1)]);
      const order = await api.order({ currency: 'USD', cartVersion, payment }, `at-rest-order-${i}`);
      expect([201, 402]).toContain(order.status);
      const commit = await api.post(
        groupBuyCommitsPath('fastbreak-low'),
        { colourwayId: 'white', size: `${40 + i}`, currency: 'USD', payment },
        { 'Idempotency-Key': `at-rest-commit-${i}` },
      );
      // The first commit opens the group; the same visitor's later ones are refused (one per group): nothing stored for those.
      expect([201, 402, 409]).toContain(commit.status);
    }
    const dump = await dumpText();
    expect(dump).toContain('at-rest-order-0');
    // The scan finds a card among other digits (and passes a Luhn-valid millisecond timestamp by).
    expect(luhnRuns(`${dump} ${cards[0]} 1796613649906`)).toEqual([cards[0]]);
    expect(luhnRuns(dump)).toEqual([]);
    for (const number of cards) {
      expect(dump).not.toContain(number);
      // The unkeyed request hash stored before (a card number came back from it in 1.4 s by trying candidates).
      const unkeyed = JSON.stringify({
        currency: 'USD',
        lines: [['street-ball', 'black', '7', 1]],
        payment: ['card', number],
      });
      expect(dump).not.toContain(createHash('sha256').update(unkeyed).digest('hex'));
      for (const encoding of ['hex', 'base64', 'base64url'] as const) {
        expect(dump).not.toContain(createHash('sha256').update(number).digest(encoding));
      }
    }
  });

  it('refuses an order body that carries a card number, and stores nothing for it', async () => {
    const buyer = await server.visitor('Careless');
    const res = await server.api(buyer.token).order(
      {
        currency: 'USD',
        cartVersion: await fillCart(server.api(buyer.token), [line('street-ball', 'black', '7', 1)]),
        payment: { method: 'card', cardNumber: '4242424242424242' },
      },
      'careless-key-01',
    );
    expect(res.status).toBe(400);
    expect(luhnRuns(await dumpText())).toEqual([]);
  });

  it('the tokenization endpoint checks the Luhn digit, the expiry and the CVC', async () => {
    const post = (body: unknown) => server.api().post(DEMO_PAY.paymentMethods, body);
    expect((await post({ number: '4242424242424241', expMonth: 12, expYear: 2040, cvc: '123' })).status).toBe(400);
    expect((await post({ number: '1234567890123456', expMonth: 12, expYear: 2040, cvc: '123' })).status).toBe(400);
    const expired = await post({ number: '4242424242424242', expMonth: 1, expYear: 2020, cvc: '123' });
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await post({ number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '12' })).status).toBe(400);
    expect((await post({ number: '4242 4242 4242 4242', expMonth: 12, expYear: 2040, cvc: '123' })).status).toBe(201);
  });
});
