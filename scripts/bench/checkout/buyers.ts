import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { API, type Cart, IDEMPOTENCY_HEADER } from '../../../shared/api.ts';
import { DEMO_APPROVE_CARD, DEMO_PAY } from '../../../shared/demoPay.ts';
import type { SkuRef } from '../../../shared/catalog.ts';

/** One buyer: a visitor's token and the card the demo provider tokenized for it. */
export interface Buyer {
  token: string;
  paymentMethod: string;
}

/** What the buyers did in a window: each order's end time and latency, and the failures by status. */
export interface LoadResult {
  orders: { at: number; ms: number }[];
  cartMs: number[];
  failures: Record<string, number>;
}

/**
 * The `POST /api/orders` body for the cart the buyer just filled: that cart's version, and a buyer in
 * Oregon (no sales tax) with free standard shipping, so the total is the goods. NOTE: the only place
 * that knows the body's shape.
 */
export function orderBody(cart: Cart, paymentMethod: string): unknown {
  return {
    currency: 'USD',
    cartVersion: cart.version,
    payment: { method: 'card', paymentMethod },
    email: 'bench@example.com',
    shipping: {
      address: { country: 'US', name: 'Bench Buyer', line1: '1 Court St', city: 'Portland', state: 'OR', postalCode: '97201' },
      option: 'standard',
    },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One JSON request over a kept-alive connection (node:http: far less client CPU than fetch on 2 cores). */
function send(baseUrl: string, method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      baseUrl + path,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Makes a visitor (a session) and has the demo provider tokenize its card, as the page does. */
export async function newBuyer(baseUrl: string, i: number): Promise<Buyer> {
  const session = await send(baseUrl, 'POST', API.session, {
    name: `Buyer ${i + 1}`,
    color: '#29335c',
    locale: 'en',
    currency: 'USD',
  });
  if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
  const { token } = session.body as { token: string };
  const card = { number: DEMO_APPROVE_CARD, expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123' };
  const method = await send(baseUrl, 'POST', DEMO_PAY.paymentMethods, card);
  if (method.status !== 201) throw new Error(`tokenize: ${method.status} ${JSON.stringify(method.body)}`);
  return { token, paymentMethod: (method.body as { id: string }).id };
}

/**
 * Every buyer, concurrently and for `durationMs`: puts one unit of `sku` in the cart, then orders it
 * with a new Idempotency-Key. Only the order's latency is the checkout's; the cart write is counted apart.
 */
export async function runBuyers(baseUrl: string, buyers: Buyer[], sku: SkuRef, durationMs: number): Promise<LoadResult> {
  const result: LoadResult = { orders: [], cartMs: [], failures: {} };
  const fail = (what: string) => {
    result.failures[what] = (result.failures[what] ?? 0) + 1;
  };
  const endAt = performance.now() + durationMs;
  const loop = async (buyer: Buyer) => {
    const auth = { authorization: `Bearer ${buyer.token}` };
    while (performance.now() < endAt) {
      const cartStart = performance.now();
      const cart = await send(baseUrl, 'PUT', API.cartLines, { ...sku, quantity: 1 }, auth);
      result.cartMs.push(performance.now() - cartStart);
      if (cart.status !== 200) {
        fail(`cart ${cart.status}`);
        continue;
      }
      const start = performance.now();
      const order = await send(baseUrl, 'POST', API.orders, orderBody(cart.body as Cart, buyer.paymentMethod), {
        ...auth,
        [IDEMPOTENCY_HEADER]: randomUUID(),
      });
      const end = performance.now();
      if (order.status === 201) result.orders.push({ at: performance.timeOrigin + end, ms: end - start });
      else fail(`order ${order.status} ${(order.body as { code?: string })?.code ?? ''}`.trim());
    }
  };
  await Promise.all(buyers.map(loop));
  return result;
}
