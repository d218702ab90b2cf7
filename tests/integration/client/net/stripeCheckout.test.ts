import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConnection } from '../../../../client/net/createConnection.ts';
import { createServerClock } from '../../../../client/net/serverClock.ts';
import { loadPaymentsConfig } from '../../../../client/net/stripeCard.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { createLocalPlayer } from '../../../../client/state/localPlayer.ts';
import { createRemotePoses } from '../../../../client/state/remotePoses.ts';
import { setStock } from '../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { startStripeStandIn, type StripeStandIn } from '../../support/stripeStandIn.ts';
import { CONTACT } from '../../../support/contact.ts';

/**
 * The client's checkout on a store on Stripe (played by the local stand-in): the page learns the
 * provider from the server, and orders with the PaymentMethod Stripe.js made (here one of Stripe's
 * test ones), sent as it is.
 */
let standIn: StripeStandIn;
let server: TestServer;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  server = await startTestServer({
    config: { stripe: { secretKey: 'sk_test_client', publishableKey: 'pk_test_client', apiUrl: standIn.url } },
  });
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) =>
    realFetch(typeof input === 'string' ? new URL(input, server.baseUrl) : input, init),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server?.close();
  await standIn?.close();
});

describe('the client checkout on Stripe', () => {
  it('learns the provider, orders and joins a group buy with the Payment Element’s PaymentMethod as it is (the demo endpoint is gone on Stripe)', async () => {
    expect(await loadPaymentsConfig()).toEqual({ provider: 'stripe', publishableKey: 'pk_test_client' });
    const store = createAppStore();
    const connection = createConnection({
      store,
      remotePoses: createRemotePoses(),
      localPlayer: createLocalPlayer(),
      serverClock: createServerClock(),
      roomUrl: server.baseUrl.replace(/^http/, 'ws'),
    });
    await connection.loadCatalog();
    await connection.startSession({ name: 'Sam', color: '#336699', locale: 'en', currency: 'USD' });
    await connection.setCartLine({ productId: 'city-edition-jersey', colourwayId: 'green', size: 'L', quantity: 1 });

    const order = await connection.checkout({ paymentMethod: 'pm_card_visa' }, CONTACT, 'stripe-client-attempt-1');
    expect(order.status).toBe('paid');
    expect(store.getState().lastOrder).toEqual(order);

    // A group buy joined with a Stripe PaymentMethod: held at Stripe (manual capture) until the group fills.
    await setStock(server, 'fastbreak-low:white:42', 10);
    await connection.groupBuys.join({
      productId: 'fastbreak-low',
      colourwayId: 'white',
      size: '42',
      card: { paymentMethod: 'pm_card_visa' },
      idempotencyKey: 'stripe-client-group-1',
    });
    expect(store.getState().myGroupBuys).toEqual([expect.objectContaining({ productId: 'fastbreak-low', status: 'committed' })]);
    expect(standIn.paymentIntents().filter((pi) => pi.capture_method === 'manual')).toEqual([
      expect.objectContaining({ status: 'requires_capture', payment_method: 'pm_card_visa' }),
    ]);
    expect(standIn.paymentIntents().filter((pi) => pi.metadata.reference === order.id)).toEqual([
      expect.objectContaining({ status: 'succeeded', payment_method: 'pm_card_visa' }),
    ]);
  });
});
