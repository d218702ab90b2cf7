import express, { type Router } from 'express';
import {
  API,
  BackInStockRequest,
  CartLineUpdate,
  IDEMPOTENCY_HEADER,
  IdempotencyKey,
  OrderRequest,
  SessionRequest,
} from '../../shared/api.ts';
import type { CatalogResponse, SessionResponse } from '../../shared/api.ts';
import type { MatchInfo } from '../../shared/match.ts';
import type { VoiceConfigResponse } from '../../shared/voice.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { isAdminToken } from '../auth/adminToken.ts';
import { bearerToken } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import { setLineQuantity } from '../domain/cart.ts';
import { getCart, updateCart } from '../domain/cartStore.ts';
import { placeOrder } from '../domain/checkout.ts';
import { requestBackInStock } from '../domain/backInStock.ts';
import { DECLINED_STATUS, EXPIRED_STATUS, PAID_STATUS, PROCESSING_STATUS } from '../domain/orderRows.ts';
import { DomainError } from '../domain/errors.ts';
import { newVisitorId } from '../domain/ids.ts';
import { listOrders } from '../domain/orders.ts';
import { readStock } from '../domain/stock.ts';
import { requireVisitor, visitorOf } from './auth.ts';
import { parseBody, sendError } from './errors.ts';
import { rateLimit } from './rateLimit.ts';
import { squadRoutes } from './squads.ts';
import { groupBuyRoutes } from './groupBuyRoutes.ts';
import { dropRoutes } from './dropRoutes.ts';
import { checkoutRoutes } from './checkoutRoutes.ts';
import { eventRoutes } from './eventRoutes.ts';
import { raffleRoutes } from './raffleRoutes.ts';
import { recapRoutes } from './recapRoutes.ts';
import { offerRoutes } from './offerRoutes.ts';
import { stageVoiceRoutes } from './stageVoiceRoutes.ts';
import { createStageMedia } from '../features/stageVoice/stageMedia.ts';
import { openApiDocument } from './openapi/document.ts';
import { hostRoutes } from './hostRoutes.ts';
import { hostInviteOf, sessionVisitor } from './sessionVisitor.ts';

const OUTCOME_BY_STATUS: Record<number, string> = {
  [PAID_STATUS]: 'paid',
  [DECLINED_STATUS]: 'declined',
  [PROCESSING_STATUS]: 'processing',
  [EXPIRED_STATUS]: 'expired',
};

/** What the API needs beside the app context: how it learns that a launch event exists. */

/** The store API under /api (see shared/api.ts for every body). */
export function apiRouter(ctx: AppContext): Router {
  const router = express.Router();
  const visitor = requireVisitor(ctx.tokens);
  const perVisitor = rateLimit(ctx.config.apiRatePerMinute, (_req, res) => visitorOf(res).id);
  const perIp = rateLimit(ctx.config.sessionRatePerMinute, (req) => req.ip ?? 'unknown');
  router.use('/api', express.json({ limit: '16kb', strict: false }));
  router.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.post(API.session, perIp, async (req, res) => {
    const { adminToken, hostInvite, ...profile } = parseBody(SessionRequest, req.body);
    if (adminToken !== undefined && !isAdminToken(adminToken, ctx.config.adminToken)) {
      const why =
        ctx.config.adminToken === undefined ? 'this server has no venue admin token (ADMIN_TOKEN)' : 'wrong venue admin token';
      return sendError(res, ErrorCode.forbidden, why);
    }
    const invite = hostInvite === undefined ? undefined : ctx.hosts.redeem(hostInvite);
    if (hostInvite !== undefined && !invite) {
      return sendError(res, ErrorCode.forbidden, 'this host link was revoked, has expired, or is not a host link');
    }
    // NOTE: a still-valid token keeps its visitor id, so the cart and orders survive a profile change.
    const previous = await ctx.tokens.verify(bearerToken(req.get('authorization')));
    const id = previous?.id ?? newVisitorId();
    const admin = adminToken !== undefined || (previous?.role === 'host' && invite === undefined);
    const hostOf = admin ? undefined : (invite ?? hostInviteOf(ctx, previous));
    const v = sessionVisitor(id, profile, admin, hostOf);
    const body: SessionResponse = { token: await ctx.tokens.issue(v, { expiresAtMs: hostOf?.expiresAtMs }), visitor: v };
    res.status(previous ? 200 : 201).json(body);
  });

  router.get(API.catalog, async (_req, res) => {
    const body: CatalogResponse = { catalog: ctx.catalog.catalog, stock: await readStock(ctx.db) };
    res.json(body);
  });

  router.get(API.match, (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json(ctx.match satisfies MatchInfo);
  });

  router.get(API.voice, (_req, res) => {
    res.json({ iceServers: ctx.config.iceServers } satisfies VoiceConfigResponse);
  });

  router.get(API.cart, visitor, perVisitor, async (_req, res) => {
    res.json(await getCart(ctx.db, visitorOf(res).id));
  });

  router.put(API.cartLines, visitor, perVisitor, async (req, res) => {
    const update = parseBody(CartLineUpdate, req.body);
    res.json(await updateCart(ctx.db, ctx.events, visitorOf(res).id, (lines) => setLineQuantity(lines, update, ctx.catalog)));
  });

  router.post(API.backInStock, visitor, perVisitor, async (req, res) => {
    const ref = parseBody(BackInStockRequest, req.body);
    await requestBackInStock(ctx.db, ctx.catalog, visitorOf(res).id, ref);
    res.status(201).json(ref);
  });

  router.delete(API.cart, visitor, perVisitor, async (_req, res) => {
    res.json(await updateCart(ctx.db, ctx.events, visitorOf(res).id, () => []));
  });

  router.post(API.orders, visitor, perVisitor, async (req, res) => {
    const key = IdempotencyKey.safeParse(req.get(IDEMPOTENCY_HEADER));
    if (!key.success) {
      return sendError(res, ErrorCode.badRequest, `${IDEMPOTENCY_HEADER} header required: 8-64 characters of A-Z a-z 0-9 _ -`);
    }
    const order = parseBody(OrderRequest, req.body);
    const settled = ctx.metrics.checkoutSeconds.startTimer();
    try {
      const result = await placeOrder(ctx.checkout, visitorOf(res).id, key.data, { ...order, locale: visitorOf(res).locale });
      ctx.metrics.order(OUTCOME_BY_STATUS[result.status] ?? 'other');
      // NOTE: 202 means the provider's answer was lost; the same request (same key) gets the outcome once known.
      if (result.status === PROCESSING_STATUS) res.setHeader('Retry-After', '2');
      res.status(result.status).json(result.body);
    } catch (e) {
      ctx.metrics.order(e instanceof DomainError ? e.code : 'error');
      throw e;
    } finally {
      settled();
    }
  });

  router.get(API.orders, visitor, perVisitor, async (_req, res) => {
    res.json({ orders: await listOrders(ctx.db, visitorOf(res).id) });
  });

  checkoutRoutes(router, ctx, { visitor, perVisitor });
  squadRoutes(router, ctx, { visitor, perVisitor });
  groupBuyRoutes(router, ctx, { visitor, perVisitor });
  eventRoutes(router, ctx, { visitor, perVisitor });
  raffleRoutes(router, ctx, {
    visitor,
    perVisitor,
    eventExists: async (id) => ctx.venue.events.find(id) !== undefined,
    changed: (id) => void ctx.eventExtras.changed(id),
  });
  dropRoutes(router, ctx, { visitor, perVisitor });
  recapRoutes(router, ctx);
  offerRoutes(router, ctx, { visitor, perVisitor });
  hostRoutes(router, ctx, { visitor, perVisitor });
  const stageMediaUrl = ctx.config.stageMediaUrl;
  stageVoiceRoutes(router, ctx, { visitor, perVisitor, media: stageMediaUrl ? createStageMedia(stageMediaUrl) : null });
  router.get(API.openapi, (_req, res) => {
    res.json(openApiDocument());
  });
  router.use('/api', (_req, res) => sendError(res, ErrorCode.notFound, 'no such API route'));
  return router;
}
