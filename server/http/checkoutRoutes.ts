import type { RequestHandler, Router } from 'express';
import { API } from '../../shared/api.ts';
import { QuoteRequest, type QuoteResponse } from '../../shared/checkout.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { AppContext } from '../context.ts';
import { getCart } from '../domain/cartStore.ts';
import { withHeldUnits } from '../domain/drop/checkoutHolds.ts';
import { orderDetails } from '../domain/orderDetails.ts';
import { priceLines } from '../domain/pricing.ts';
import { quoteTotals } from '../domain/quote.ts';
import { refundOrder } from '../domain/refunds.ts';
import { sendOrderMail } from '../mail/orderMails.ts';
import { visitorOf } from './auth.ts';
import { parseBody, sendError } from './errors.ts';

/** The authentication and rate limit these routes go through (the same as an order's). */
export interface CheckoutGuards {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Checkout routes beside `POST /api/orders`: the quote shown before Pay (shipping options, tax and
 * totals for the visitor's server cart), the order page (`GET /api/orders/:id`) and refunds.
 */
export function checkoutRoutes(router: Router, ctx: AppContext, { visitor, perVisitor }: CheckoutGuards): void {
  const refundWindowMs = ctx.config.refundWindowDays * DAY_MS;

  router.post(API.checkoutQuote, visitor, perVisitor, async (req, res) => {
    const request = parseBody(QuoteRequest, req.body);
    const visitorId = visitorOf(res).id;
    const cart = await getCart(ctx.db, visitorId);
    // NOTE: a unit the visitor won in a drop is quoted at the drop price, as the order will charge it.
    const held = (await ctx.checkout.drops?.heldFor(visitorId)) ?? [];
    const { priced } = withHeldUnits(
      priceLines(ctx.catalog, cart.lines, request.currency, ctx.checkout.livePrice),
      held,
      request.currency,
    );
    const quote = quoteTotals(priced.total, request.currency, { country: request.country, state: request.state }, request.option);
    const body: QuoteResponse = { currency: request.currency, option: request.option, ...quote };
    res.json(body);
  });

  router.get(`${API.orders}/:id`, visitor, perVisitor, async (req, res) => {
    const order = await orderDetails(
      { db: ctx.db, payments: ctx.checkout.payments, refundWindowMs, log: ctx.log },
      visitorOf(res),
      String(req.params.id),
    );
    if (!order) return sendError(res, ErrorCode.notFound, 'no such order');
    res.json(order);
  });

  router.post(`${API.orders}/:id/refund`, visitor, perVisitor, async (req, res) => {
    const deps = { ...ctx.checkout, windowMs: refundWindowMs };
    const { order, changed } = await refundOrder(deps, visitorOf(res), String(req.params.id));
    // NOTE: not awaited: a slow or failing mail server must not hold or fail the refund (sendOrderMail never throws).
    if (changed) void sendOrderMail(ctx.mail, 'refund', order.id);
    res.json(order);
  });
}
