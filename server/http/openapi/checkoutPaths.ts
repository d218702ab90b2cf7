import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API, Order, OrderDetails } from '../../../shared/api.ts';
import { QuoteRequest, QuoteResponse } from '../../../shared/checkout.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, json, visitorOnly } from './responses.ts';

const { badRequest, notFound, orderNotPaid, paymentUnavailable, rateLimited, refundWindowClosed, unauthorized } = ErrorCode;
const orderId = { path: z.object({ id: z.string() }) };

/** The checkout beside `POST /api/orders`: the quote before Pay, the order page, refunds. */
export const checkoutPaths: ZodOpenApiPathsObject = {
  [API.checkoutQuote]: {
    post: {
      summary: "Shipping options, tax and totals for the visitor's server cart, shown before Pay",
      description:
        'The destination (country; the state in the US) and the option decide shipping and tax (the table in ' +
        'shared/shippingRates.ts): US sales tax is added to the goods; EU and CN prices include VAT, shown as `tax` ' +
        'with `taxIncluded`. The order is charged what the server computes the same way at order time.',
      security: visitorOnly,
      requestBody: { required: true, content: { 'application/json': { schema: QuoteRequest } } },
      responses: {
        '200': json('the totals and every option’s price', QuoteResponse),
        ...errors(badRequest, unauthorized, notFound, rateLimited),
      },
    },
  },
  [`${API.orders}/{id}`]: {
    get: {
      summary: 'An order page: the lines, totals, shipping, payment and status',
      description: "The visitor's own order; the venue admin (host role) may open any. Someone else's order is 404.",
      security: visitorOnly,
      requestParams: orderId,
      responses: { '200': json('the order', OrderDetails), ...errors(unauthorized, notFound, rateLimited) },
    },
  },
  [`${API.orders}/{id}/refund`]: {
    post: {
      summary: 'Refund and cancel a paid order: stock goes back, the payment is refunded, a refund email is sent',
      description:
        'The buyer within `REFUND_WINDOW_DAYS` of ordering; the venue admin (host role) any order any time. Refunding ' +
        'a refunded order answers it unchanged.',
      security: visitorOnly,
      requestParams: orderId,
      responses: {
        '200': json('the refunded order', Order),
        ...errors(unauthorized, notFound, orderNotPaid, refundWindowClosed, paymentUnavailable, rateLimited),
      },
    },
  },
};
