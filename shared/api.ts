import { z } from 'zod';
import { PaymentMethodId } from './demoPay.ts';
import { Currency } from './money.ts';
import { Locale } from './i18nText.ts';
import { Catalog, SkuRef } from './catalog.ts';
import { Email } from './address.ts';
import { OrderTotals, Shipping } from './checkout.ts';

/** HTTP routes of the store API. */
export const API = {
  session: '/api/session',
  catalog: '/api/catalog',
  cart: '/api/cart',
  cartLines: '/api/cart/lines',
  orders: '/api/orders',
  /** POST `BackInStockRequest`: tell the visitor in the arena when this sold-out size has stock again. */
  backInStock: '/api/back-in-stock',
  /** POST `QuoteRequest` (shared/checkout.ts): shipping options, tax and totals for the visitor's cart. */
  checkoutQuote: '/api/checkout/quote',
  match: '/api/match',
  /** Squads (shared/together.ts): POST creates one (`SquadResponse`). */
  squads: '/api/squads',
  /** POST `SquadJoinRequest`: join by short code (leaves the old squad). */
  squadJoin: '/api/squads/join',
  /** GET the visitor's squad with the squad cart; DELETE leaves it. */
  squadMe: '/api/squads/me',
  /** Open group buys and the visitor's commits (`GroupBuysResponse`, shared/groupBuy.ts). */
  groupBuys: '/api/group-buys',
  /** Voice settings (`VoiceConfigResponse`, shared/voice.ts): the ICE servers. */
  voice: '/api/voice',
  /** The payment provider the page hands the card to (`PaymentsConfigResponse`, shared/payments.ts). */
  payments: '/api/payments',
  /**
   * Launch events (shared/events.ts): GET lists them (`EventsResponse`), POST adds one (venue admin);
   * `/api/events/:id` GET one, PATCH changes one (venue admin); `/api/events/:id/calendar.ics`; an
   * event's drop under `/api/events/:id/drop…`, its raffle under `/api/events/:id/raffle…`, its
   * limited-time offers under `/api/events/:id/offers` (shared/offers.ts), its recap at
   * `/api/events/:id/recap`; its host invites under `/api/events/:id/hosts` (shared/eventHosts.ts) and
   * `POST /api/events/:id/phase`; its stage voice grant at `/api/events/:id/stage-voice` (shared/stageVoice.ts).
   */
  events: '/api/events',
  /** This API described as OpenAPI 3.1 (server/http/openapi). */
  openapi: '/api/openapi.json',
  /** The process answers and the database takes a query (`{ ok, db }`); kept for existing probes. */
  health: '/healthz',
  /** Liveness (`LiveResponse`, shared/health.ts): the process runs. */
  live: '/health/live',
  /** Readiness (`ReadyResponse`): 200 when it may take new visitors, 503 while draining or without its database. */
  ready: '/health/ready',
  /** Prometheus metrics (text exposition format); a bearer token when `METRICS_TOKEN` is set. */
  metrics: '/metrics',
} as const;

/** Header that makes `POST /api/orders` safe to retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** The demo provider's test cards (see shared/demoPay.ts for all of them and its tokenization API). */
export { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from './demoPay.ts';

/** Names are shown to every visitor: no angle brackets and no control characters (U+0000–U+001F). */
function isCleanName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x3c /* < */ || code === 0x3e /* > */) return false;
  }
  return true;
}

export const DisplayName = z.string().trim().min(1).max(24).refine(isCleanName, 'must not contain <, > or control characters');
export const AvatarColor = z.string().regex(/^#[0-9a-f]{6}$/i);

export const SessionRequest = z.strictObject({
  name: DisplayName,
  color: AvatarColor,
  locale: Locale,
  currency: Currency,
  /** The venue admin token from the server's config: the session gets the host role (wrong token: 403). */
  adminToken: z.string().min(1).max(256).optional(),
  /**
   * The secret of a host invite link (`/?host=<secret>`, shared/eventHosts.ts): the session becomes that
   * event's host (role `eventHost`), named as the invite names them, until the event's end. A revoked,
   * expired or unknown secret is 403.
   */
  hostInvite: z.string().min(16).max(128).optional(),
});
export type SessionRequest = z.infer<typeof SessionRequest>;

export const Visitor = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  /** `host`: the venue admin; `eventHost`: a brand host invited for one event (`hostEventId`). */
  role: z.enum(['visitor', 'host', 'eventHost']),
  locale: Locale,
  currency: Currency,
  /** The event an `eventHost` runs (absent for other roles). */
  hostEventId: z.string().optional(),
  /** The host invite an `eventHost` session was opened with, so revoking it ends the session at once. */
  hostInviteId: z.string().optional(),
});
export type Visitor = z.infer<typeof Visitor>;

export const SessionResponse = z.object({ token: z.string(), visitor: Visitor });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const CatalogResponse = z.object({ catalog: Catalog, stock: z.record(z.string(), z.number().int()) });
export type CatalogResponse = z.infer<typeof CatalogResponse>;

export const MAX_LINE_QUANTITY = 10;
export const MAX_CART_LINES = 20;

/** A cart or order request line: which SKU and how many. Never a price. */
export const CartLine = z.strictObject({ ...SkuRef.shape, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) });
export type CartLine = z.infer<typeof CartLine>;

/** `PUT /api/cart/lines`: set the quantity of one SKU (0 removes the line). */
export const CartLineUpdate = z.strictObject({ ...SkuRef.shape, quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) });
export type CartLineUpdate = z.infer<typeof CartLineUpdate>;

export const Cart = z.object({ lines: z.array(CartLine), version: z.number().int() });
export type Cart = z.infer<typeof Cart>;

/** `409 out_of_stock` names each short line in `error.lines`: its SKU, what was asked for and what is left. */
export const OutOfStockLines = z.array(
  z.object({ ...SkuRef.shape, requested: z.number().int(), available: z.number().int().min(0) }),
);
export type OutOfStockLines = z.infer<typeof OutOfStockLines>;

/** `POST /api/back-in-stock`: the sold-out SKU the visitor wants to hear about. */
export const BackInStockRequest = z.strictObject(SkuRef.shape);
export type BackInStockRequest = z.infer<typeof BackInStockRequest>;

/** A SKU the visitor asked about has stock again (room message `backInStock`; also `POST /api/back-in-stock`'s answer). */
export const BackInStockNotice = z.object(SkuRef.shape);
export type BackInStockNotice = z.infer<typeof BackInStockNotice>;

/**
 * How an order or commit is paid: a payment method token the payment provider made from the card in
 * the browser (`POST /demo-pay/v1/payment_methods` for the demo provider). The store never receives a
 * card number; a body with one is refused.
 */
export const PaymentDetails = z.strictObject({
  method: z.literal('card'),
  paymentMethod: PaymentMethodId,
});

/**
 * `POST /api/orders` body: the order is the visitor's server cart, as of the cart version the client
 * shows (another version is `409 cart_changed` with the fresh cart). Prices, shipping and tax are looked
 * up on the server; `email` gets the receipt, `shipping` says where and how (shared/address.ts has each
 * country's address fields).
 */
export const OrderRequest = z.strictObject({
  currency: Currency,
  cartVersion: z.number().int().min(0),
  payment: PaymentDetails,
  email: Email,
  shipping: Shipping,
});
export type OrderRequest = z.input<typeof OrderRequest>;

/**
 * `reserved`: stock held, payment not asked yet; `authorizing`: the provider may have it (the answer is
 * awaited or lost: the recovery loop asks); then `paid`, `declined` (stock back), `expired` (the hold ran
 * out before the provider ever saw it: stock back, nothing charged), or `refunded`.
 */
export const OrderStatus = z.enum(['reserved', 'authorizing', 'paid', 'declined', 'expired', 'refunded']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderLine = z.object({
  ...SkuRef.shape,
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  lineTotal: z.number().int(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Order = z.object({
  id: z.string(),
  /** Human-friendly order number shown to the visitor, e.g. `CS-8K2M4Q`. */
  number: z.string(),
  status: OrderStatus,
  currency: Currency,
  lines: z.array(OrderLine),
  total: z.number().int(),
  createdAt: z.string(),
  /** The receipt's address; null on group-buy orders and orders from before checkout details. */
  email: z.string().nullable(),
  shipping: Shipping.nullable(),
  /** Goods, shipping and tax as the server computed them (`totals.total` equals `total`); null as `email`. */
  totals: OrderTotals.nullable(),
});
export type Order = z.infer<typeof Order>;

/** How an order was paid, as far as the provider tells: the card's brand and last 4 digits when it gives them. */
export const OrderPayment = z.object({
  method: z.literal('card'),
  brand: z.string().optional(),
  last4: z.string().optional(),
});
export type OrderPayment = z.infer<typeof OrderPayment>;

/** `GET /api/orders/:id`: the order with its payment and until when its buyer may refund it. */
export const OrderDetails = Order.extend({
  payment: OrderPayment.nullable(),
  /** The end of the buyer's refund window (ISO time) for a paid order; null otherwise. */
  refundableUntil: z.string().nullable(),
});
export type OrderDetails = z.infer<typeof OrderDetails>;

export const OrdersResponse = z.object({ orders: z.array(Order) });
export type OrdersResponse = z.infer<typeof OrdersResponse>;

/** Every HTTP error response: `{ error: { code, message } }` (some codes add details, e.g. `skus`). */
export const ApiError = z.object({ error: z.looseObject({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;
