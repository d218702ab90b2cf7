import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  API,
  ApiError,
  BackInStockNotice,
  BackInStockRequest,
  Cart,
  CartLineUpdate,
  CatalogResponse,
  Order,
  OrderRequest,
  OrdersResponse,
  SessionRequest,
  SessionResponse,
} from '../../../shared/api.ts';
import { MatchInfo } from '../../../shared/match.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, idempotencyHeader, json, visitorOnly, visitorOptional } from './responses.ts';

const {
  badRequest,
  inStock,
  cartChanged,
  cartEmpty,
  forbidden,
  idempotencyConflict,
  idempotencyInProgress,
  notFound,
  outOfStock,
  rateLimited,
  unauthorized,
  unavailable,
} = ErrorCode;

/** `POST /api/orders` answers 402 (declined) and 410 (expired) with the order beside the error. */
const OrderWithError = ApiError.extend({ order: Order });

/** The session, the catalog, the match, the cart and orders. */
export const storePaths: ZodOpenApiPathsObject = {
  [API.session]: {
    post: {
      summary: 'Start a visitor session (anonymous, signed token); with a valid bearer token keep the same visitor',
      description:
        "With `adminToken` equal to the server's `ADMIN_TOKEN` the session gets the host role (403 otherwise); with `hostInvite` (a host link's secret) the role `eventHost` for that event until its end (403 when revoked or expired).",
      security: visitorOptional,
      requestBody: { required: true, content: { 'application/json': { schema: SessionRequest } } },
      responses: {
        '200': json('the same visitor, with a fresh token (a valid bearer token came with the request)', SessionResponse),
        '201': json('a new visitor', SessionResponse),
        ...errors(badRequest, forbidden, rateLimited),
      },
    },
  },
  [API.catalog]: {
    get: {
      summary: 'The catalog and the current stock per SKU',
      responses: { '200': json('catalog and stock', CatalogResponse), ...errors() },
    },
  },
  [API.match]: {
    get: {
      summary: "The venue's match: sources per camera angle, captions and the timeline",
      responses: { '200': json('the match (cacheable for 60 s)', MatchInfo), ...errors() },
    },
  },
  [API.cart]: {
    get: {
      summary: "The visitor's cart, kept on the server",
      security: visitorOnly,
      responses: { '200': json('the cart', Cart), ...errors(unauthorized, rateLimited) },
    },
    delete: {
      summary: 'Empty the cart',
      security: visitorOnly,
      responses: { '200': json('the empty cart', Cart), ...errors(unauthorized, rateLimited) },
    },
  },
  [API.cartLines]: {
    put: {
      summary: 'Set the quantity of one SKU (0 removes the line)',
      security: visitorOnly,
      requestBody: { required: true, content: { 'application/json': { schema: CartLineUpdate } } },
      responses: { '200': json('the cart after the change', Cart), ...errors(badRequest, unauthorized, notFound, rateLimited) },
    },
  },
  [API.backInStock]: {
    post: {
      summary: "Tell me when it's back: hear in the arena when this sold-out size has stock again",
      description:
        'Stores the request (asking again while it waits is the same request). When the SKU has stock again the ' +
        'request is done and the visitor, if in the arena, gets the room message `backInStock`.',
      security: visitorOnly,
      requestBody: { required: true, content: { 'application/json': { schema: BackInStockRequest } } },
      responses: {
        '201': json('the request is stored (or already was)', BackInStockNotice),
        ...errors(badRequest, unauthorized, notFound, inStock, rateLimited),
      },
    },
  },
  [API.orders]: {
    post: {
      summary: "Order the visitor's server cart: prices are looked up on the server; stock is reserved, then the payment is made",
      description:
        'The order is the server cart (`GET /api/cart`) as of `cartVersion`, the version the client shows: another ' +
        'version is 409 `cart_changed` with the fresh cart as `error.cart` (nothing is stored), an empty cart 409 ' +
        '`cart_empty`. Placing the order moves the cart version on; a paid order takes the units it bought out of ' +
        'the cart. Paid with a payment method token from the payment provider (`POST /demo-pay/v1/payment_methods` for the demo ' +
        'provider), never a card number. `email` gets the receipt; `shipping` is the address (fields per country, ' +
        'shared/address.ts) and the option; shipping and tax are computed on the server (see /api/checkout/quote) and ' +
        'stored with the order. The order moves reserved → authorizing → paid | declined | expired. Send the ' +
        'same request with the same Idempotency-Key to retry: it gets the first answer, or the final one after a 202.',
      security: visitorOnly,
      requestParams: { header: idempotencyHeader },
      requestBody: { required: true, content: { 'application/json': { schema: OrderRequest } } },
      responses: {
        '201': json('paid', Order),
        '202': {
          ...json("the provider's answer was lost: the order is `authorizing` and settles on its own", Order),
          headers: z.object({ 'Retry-After': z.string().meta({ description: 'seconds before asking again' }) }),
        },
        '402': json('payment declined: the declined order comes with the error (its stock is released)', OrderWithError),
        '410': json(
          'payment_expired: the provider never saw the payment in time; nothing was charged, stock released',
          OrderWithError,
        ),
        ...errors(
          badRequest,
          unauthorized,
          notFound,
          outOfStock,
          cartChanged,
          cartEmpty,
          idempotencyInProgress,
          idempotencyConflict,
          unavailable,
          rateLimited,
        ),
      },
    },
    get: {
      summary: "The visitor's own orders",
      security: visitorOnly,
      responses: { '200': json('orders, newest first', OrdersResponse), ...errors(unauthorized, rateLimited) },
    },
  },
};
