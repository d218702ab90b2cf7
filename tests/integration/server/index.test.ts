import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API, type Order } from '../../../shared/api.ts';
import { killServers, startServer } from '../support/serverProcess.ts';
import { until } from '../support/until.ts';
import { CONTACT } from '../../support/contact.ts';

/**
 * The real server process (`node server/index.ts`) stopped in the middle of a payment: killed with
 * SIGKILL, or stopped with SIGTERM. Nothing is in process here but HTTP, as an operator would see it.
 */

const SKU = { productId: 'court-runner-2', colourwayId: 'black', size: '44' };
const SKU_KEY = 'court-runner-2:black:44';
const dirs: string[] = [];

afterAll(() => {
  killServers();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the server again over `dataDir`, runs `check` against it, then stops it with SIGTERM. */
async function restarted(dataDir: string, env: Record<string, string>, check: (base: string) => Promise<void>): Promise<void> {
  const again = await startServer(dataDir, env);
  try {
    await check(again.base);
  } finally {
    again.child.kill('SIGTERM');
    await again.exited;
  }
}

async function call(base: string, route: string, init: { method?: string; token?: string; body?: unknown; key?: string } = {}) {
  const res = await fetch(`${base}${route}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.key ? { 'idempotency-key': init.key } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { orders?: Order[] } };
}

async function visitorToken(base: string): Promise<string> {
  const res = await call(base, API.session, {
    method: 'POST',
    body: { name: 'Crash', color: '#e4572e', locale: 'en', currency: 'USD' },
  });
  return res.body.token as string;
}

const stockOf = async (base: string) => ((await call(base, API.catalog)).body.stock as Record<string, number>)[SKU_KEY]!;
/** Puts one unit of the SKU in the visitor's cart and returns the order body for that cart version. */
const fillCart = async (base: string, token: string) =>
  (await call(base, API.cartLines, { method: 'PUT', token, body: { ...SKU, quantity: 1 } })).body.version as number;
const orderBody = (paymentMethod: string, cartVersion: number) => ({
  currency: 'USD',
  cartVersion,
  payment: { method: 'card', paymentMethod },
  ...CONTACT,
});
const orders = async (base: string, token: string) => (await call(base, API.orders, { token })).body.orders!;

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-crash-'));
  dirs.push(dir);
  return path.join(dir, 'data');
}

describe('a server stopped during a payment', { timeout: 120_000 }, () => {
  it('SIGKILL while the provider thinks: after the restart the order expires within 30 s, stock is back, and the same-key retry gets that outcome', async () => {
    const dir = dataDir();
    // NOTE: the demo provider records a payment only when it answers: killed while it "thinks", it never saw it.
    const first = await startServer(dir, { PAYMENT_DELAY_MS: '5000', PAYMENT_HOLD_MS: '3000' });
    const token = await visitorToken(first.base);
    const cartVersion = await fillCart(first.base, token);
    const before = await stockOf(first.base);
    const pending = call(first.base, API.orders, {
      method: 'POST',
      token,
      body: orderBody('pm_card_visa', cartVersion),
      key: 'crash-key-0001',
    }).catch((e: Error) => e);
    await until(async () => (await orders(first.base, token))[0]?.status === 'authorizing', 'the order to be authorizing');
    expect(await stockOf(first.base)).toBe(before - 1);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(await pending).toBeInstanceOf(Error);

    await restarted(dir, { PAYMENT_DELAY_MS: '0', PAYMENT_HOLD_MS: '3000' }, async (base) => {
      // NOTE: the limit is the promise: settled within 30 s of the restart.
      await until(async () => (await orders(base, token))[0]?.status === 'expired', 'the order to expire', 30_000);
      expect(await stockOf(base)).toBe(before);
      const retry = await call(base, API.orders, {
        method: 'POST',
        token,
        body: orderBody('pm_card_visa', cartVersion),
        key: 'crash-key-0001',
      });
      expect(retry.status).toBe(410);
      expect(retry.body).toMatchObject({ error: { code: 'payment_expired' }, order: { status: 'expired' } });
      expect(await stockOf(base)).toBe(before);
    });
  });

  it('SIGKILL after the provider took the money but before the store heard: after the restart the order is paid, and the retry gets 201', async () => {
    const dir = dataDir();
    const first = await startServer(dir, { PAYMENT_DELAY_MS: '0' });
    const token = await visitorToken(first.base);
    const cartVersion = await fillCart(first.base, token);
    const before = await stockOf(first.base);
    // The network-error test card: the provider records the payment, and its answer is lost on the way back.
    const lost = await call(first.base, API.orders, {
      method: 'POST',
      token,
      body: orderBody('pm_card_networkError', cartVersion),
      key: 'crash-key-0002',
    });
    expect(lost.status).toBe(202);
    expect(lost.body).toMatchObject({ status: 'authorizing' });
    first.child.kill('SIGKILL');
    await first.exited;

    await restarted(dir, { PAYMENT_DELAY_MS: '0' }, async (base) => {
      await until(async () => (await orders(base, token))[0]?.status === 'paid', 'the order to be paid', 30_000);
      expect(await stockOf(base)).toBe(before - 1);
      const retry = await call(base, API.orders, {
        method: 'POST',
        token,
        body: orderBody('pm_card_networkError', cartVersion),
        key: 'crash-key-0002',
      });
      expect(retry.status).toBe(201);
      expect(retry.body).toMatchObject({ status: 'paid', id: lost.body.id });
      expect(await stockOf(base)).toBe(before - 1);
    });
  });

  it('SIGTERM during a payment: new checkouts get 503, the paying one finishes (201), the process exits 0, and the order is paid after a restart', async () => {
    const dir = dataDir();
    const first = await startServer(dir, { PAYMENT_DELAY_MS: '2500' });
    const token = await visitorToken(first.base);
    const cartVersion = await fillCart(first.base, token);
    const before = await stockOf(first.base);
    const paying = call(first.base, API.orders, {
      method: 'POST',
      token,
      body: orderBody('pm_card_visa', cartVersion),
      key: 'term-key-0001',
    });
    await until(async () => (await orders(first.base, token))[0]?.status === 'authorizing', 'the order to be authorizing');
    first.child.kill('SIGTERM');
    await until(async () => {
      const late = await call(first.base, API.orders, {
        method: 'POST',
        token,
        body: orderBody('pm_card_visa', cartVersion),
        key: 'term-key-0002',
      });
      return late.status === 503 && (late.body.error as { code: string }).code === 'unavailable';
    }, 'a new checkout to be refused while draining');
    const paid = await paying;
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'paid' });
    expect(await first.exited).toBe(0);

    await restarted(dir, { PAYMENT_DELAY_MS: '0' }, async (base) => {
      expect((await orders(base, token)).map((o) => o.status)).toEqual(['paid']);
      expect(await stockOf(base)).toBe(before - 1);
    });
  });
});
