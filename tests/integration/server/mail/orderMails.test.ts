import fs from 'node:fs';
import path from 'node:path';
import { type RawBuilder, sql } from 'kysely';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../../shared/api.ts';
import { sendOrderMail, sendPending } from '../../../../server/mail/orderMails.ts';
import { createDemoProvider } from '../../../../server/payments/demo/demoProvider.ts';
import { PaymentUnavailable } from '../../../../server/payments/provider.ts';
import { card, fillCart, line, setStock } from '../../support/checkout.ts';
import { type SmtpSink, startSmtpSink } from '../../support/smtpSink.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';
import { SHANGHAI } from '../../../support/contact.ts';

const ball = line('street-ball', 'blue', '7', 2);

let sink: SmtpSink;
let server: TestServer;
beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ config: { smtpUrl: sink.url, publicUrl: 'https://shop.example' } });
  await setStock(server, 'street-ball:blue:7', 100);
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
});

async function visitor(locale: 'en' | 'zh-CN', currency: 'USD' | 'CNY') {
  const res = await server.api().post('/api/session', { name: 'Mail', color: '#3366ff', locale, currency });
  return server.api(res.body.token);
}

describe('receipts through SMTP', () => {
  it('mails a Chinese visitor a receipt in Chinese with the lines, the totals, the address and the order page link', async () => {
    const api = await visitor('zh-CN', 'CNY');
    const res = await api.order(
      {
        currency: 'CNY',
        cartVersion: await fillCart(api, [ball]),
        payment: card(DEMO_APPROVE_CARD),
        email: 'li@example.cn',
        shipping: { address: SHANGHAI, option: 'express' },
      },
      'receipt-zh-01',
    );
    expect(res.status).toBe(201);
    const mail = await sink.next((m) => m.subject?.includes(res.body.number) ?? false);
    expect(mail.to).toMatchObject({ text: 'li@example.cn' });
    expect(mail.subject).toBe(`您的 Courtside 订单 ${res.body.number}`);
    const total = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(res.body.total / 100);
    expect(mail.text).toContain(`合计: ${total}`);
    expect(mail.text).toContain('含增值税');
    expect(mail.text).toContain('浦东新区');
    expect(mail.text).toContain('2 × ');
    expect(mail.text).toContain(`https://shop.example/?order=${res.body.id}`);
    expect(mail.html).toContain(`href="https://shop.example/?order=${res.body.id}"`);
  });

  it('sends each receipt once, none for a declined order, and keeps the order when the mail server fails once', async () => {
    const api = await visitor('en', 'USD');
    const declined = await api.order(
      { currency: 'USD', cartVersion: await fillCart(api, [ball]), payment: card(DEMO_DECLINE_CARD) },
      'receipt-en-01',
    );
    expect(declined.status).toBe(402);
    sink.failNext(1);
    const paid = await api.order(
      { currency: 'USD', cartVersion: await fillCart(api, [ball]), payment: card(DEMO_APPROVE_CARD) },
      'receipt-en-02',
    );
    expect(paid.status).toBe(201);
    const mail = await sink.next((m) => m.subject?.includes(paid.body.number) ?? false);
    expect(mail.subject).toBe(`Your Courtside order ${paid.body.number}`);
    expect(mail.text).toContain('Subtotal: $');

    expect(await sendOrderMail(server.app.ctx.mail, 'receipt', paid.body.id)).toBe(false);
    await sendPending(server.app.ctx.mail);
    expect(sink.mails.filter((m) => m.subject?.includes(paid.body.number))).toHaveLength(1);
    expect(sink.mails.filter((m) => m.subject?.includes(declined.body.order.number))).toHaveLength(0);
  });

  it('sends a receipt again when its sender died before sending, once the lease has run out, and not before', async () => {
    const api = await visitor('en', 'USD');
    const paid = await api.order(
      { currency: 'USD', cartVersion: await fillCart(api, [ball]), payment: card(DEMO_APPROVE_CARD) },
      'receipt-en-04',
    );
    const number = paid.body.number as string;
    const sent = () => sink.mails.filter((m) => m.subject?.includes(number)).length;
    const db = server.app.ctx.db;
    const row = () =>
      db
        .selectFrom('orders')
        .select(['receipt_sent_at', 'receipt_lease_until'])
        .where('id', '=', paid.body.id)
        .executeTakeFirstOrThrow();
    await until(() => sent() === 1, 'the receipt');
    await until(async () => (await row()).receipt_sent_at !== null, 'the sent mark');
    expect((await row()).receipt_lease_until).toBeNull();

    // What a sender that claimed the receipt and died before sending it leaves behind:
    const claimed = (lease: RawBuilder<Date>) =>
      db
        .updateTable('orders')
        .set({ receipt_sent_at: null, receipt_lease_until: lease })
        .where('id', '=', paid.body.id)
        .execute();
    await claimed(sql<Date>`now() + interval '1 minute'`);
    expect(await sendPending(server.app.ctx.mail)).toBe(0);
    expect(sent()).toBe(1);
    await claimed(sql<Date>`now() - interval '1 second'`);
    expect(await sendPending(server.app.ctx.mail)).toBe(1);
    await until(() => sent() === 2, 'the receipt sent again');
    expect((await row()).receipt_sent_at).not.toBeNull();
  });

  it('mails a refund notice when the order is refunded', async () => {
    const api = await visitor('en', 'USD');
    const paid = await api.order(
      { currency: 'USD', cartVersion: await fillCart(api, [ball]), payment: card(DEMO_APPROVE_CARD) },
      'receipt-en-03',
    );
    await sink.next((m) => m.subject === `Your Courtside order ${paid.body.number}`);
    expect((await api.post(`/api/orders/${paid.body.id}/refund`, {})).status).toBe(200);
    const mail = await sink.next((m) => m.subject === `Refund for your Courtside order ${paid.body.number}`);
    expect(mail.text).toContain('refunded');
  });
});

describe('receipts of orders the recovery loop settles', () => {
  it('mails the receipt once the loop finds the payment', async () => {
    const lost = await startTestServer({
      config: { smtpUrl: sink.url, recoveryIntervalMs: 50 },
      paymentsFor: (db) => {
        const demo = createDemoProvider(db, { delayMs: 0 });
        return {
          ...demo,
          async createPayment(request) {
            await demo.createPayment(request);
            throw new PaymentUnavailable('the answer was lost');
          },
        };
      },
    });
    try {
      const v = await lost.visitor('Lost');
      const api = lost.api(v.token);
      const cartVersion = await fillCart(api, [line('street-ball', 'blue', '7', 1)]);
      const res = await api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'lost-answer-01');
      expect(res.status).toBe(202);
      const mail = await sink.next((m) => m.subject?.includes(res.body.number) ?? false);
      expect(mail.text).toContain(`http://localhost:2567/?order=${res.body.id}`);
      const row = () =>
        lost.app.ctx.db
          .selectFrom('orders')
          .select(['status', 'receipt_sent_at'])
          .where('id', '=', res.body.id)
          .executeTakeFirstOrThrow();
      expect((await row()).status).toBe('paid');
      // The sent mark follows the send (written with others within a moment).
      await until(async () => (await row()).receipt_sent_at !== null, 'the sent mark');
    } finally {
      await lost.close();
    }
  });
});

describe('the outbox (no SMTP_URL)', () => {
  it('writes each receipt as an .eml file under the data dir', async () => {
    const local = await startTestServer();
    try {
      const v = await local.visitor('Outbox');
      const api = local.api(v.token);
      const cartVersion = await fillCart(api, [line('street-ball', 'blue', '7', 1)]);
      const res = await api.order({ currency: 'USD', cartVersion, payment: card(DEMO_APPROVE_CARD) }, 'outbox-0001');
      expect(res.status).toBe(201);
      const outbox = path.join(local.dataDir, 'outbox');
      await until(() => fs.existsSync(outbox) && fs.readdirSync(outbox).some((f) => f.endsWith('.eml')));
      const [file] = fs.readdirSync(outbox);
      const mail = await simpleParser(fs.readFileSync(path.join(outbox, file!)));
      expect(mail.subject).toBe(`Your Courtside order ${res.body.number}`);
      expect(mail.html).toContain(res.body.number);
    } finally {
      await local.close();
    }
  });
});
