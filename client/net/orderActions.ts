import { API, Order, OrderDetails } from '../../shared/api.ts';
import { type QuoteRequest, QuoteResponse } from '../../shared/checkout.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { requestJson } from './http.ts';

/** The checkout's quote and the order page's reads and refund (HTTP, with the visitor's token). */
export interface OrderActions {
  /** Shipping options, tax and totals for the visitor's server cart. */
  quote(request: QuoteRequest): Promise<QuoteResponse>;
  /** One order with its payment and refund window (`GET /api/orders/:id`). */
  load(orderId: string): Promise<OrderDetails>;
  /** Refunds a paid order; the orders list in the store gets the refunded order. */
  refund(orderId: string): Promise<Order>;
}

/** Order actions over the store API; a refunded order replaces its row in the store's orders. */
export function createOrderActions(store: AppStore, token: () => string | null): OrderActions {
  return {
    quote: (request) => requestJson(API.checkoutQuote, QuoteResponse, { method: 'POST', body: request, token: token() }),
    load: (orderId) => requestJson(`${API.orders}/${encodeURIComponent(orderId)}`, OrderDetails, { token: token() }),
    async refund(orderId) {
      const order = await requestJson(`${API.orders}/${encodeURIComponent(orderId)}/refund`, Order, {
        method: 'POST',
        body: {},
        token: token(),
      });
      store.getState().setOrders(store.getState().orders.map((o) => (o.id === order.id ? order : o)));
      return order;
    },
  };
}
