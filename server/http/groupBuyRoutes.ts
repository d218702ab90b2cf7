import type { RequestHandler, Router } from 'express';
import { API, IDEMPOTENCY_HEADER, IdempotencyKey } from '../../shared/api.ts';
import { GroupBuyCommitRequest, type GroupBuyJoinedResponse, type GroupBuysResponse } from '../../shared/groupBuy.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { bearerToken } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import { whoJoined } from '../domain/groupBuy/joined.ts';
import { myCommits, openGroups } from '../domain/groupBuy/rows.ts';
import { visitorOf } from './auth.ts';
import { parseBody, sendError } from './errors.ts';

/** The authentication and rate limit a commit goes through (the same as an order's). */
export interface GroupBuyGuards {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
}

/**
 * Group-buy routes: `GET /api/group-buys` (open groups for anyone, plus the visitor's own commits when
 * a token comes with it), `GET /api/group-buys/:productId/joined` (who is in the open group: squad
 * mates by name, others as a count) and `POST /api/group-buys/:productId/commits` (Idempotency-Key
 * required).
 */
export function groupBuyRoutes(router: Router, ctx: AppContext, { visitor, perVisitor }: GroupBuyGuards): void {
  router.get(API.groupBuys, async (req, res) => {
    const who = await ctx.tokens.verify(bearerToken(req.get('authorization')));
    const body: GroupBuysResponse = { open: await openGroups(ctx.db), mine: who ? await myCommits(ctx.db, who.id) : [] };
    res.json(body);
  });

  router.get(`${API.groupBuys}/:productId/joined`, async (req, res) => {
    const who = await ctx.tokens.verify(bearerToken(req.get('authorization')));
    const productId = String(req.params.productId);
    if (!ctx.catalog.products.has(productId)) {
      return sendError(res, ErrorCode.notFound, `no product ${productId}`);
    }
    const body: GroupBuyJoinedResponse = { joined: await whoJoined(ctx.db, productId, who?.id ?? null) };
    res.json(body);
  });

  router.post(`${API.groupBuys}/:productId/commits`, visitor, perVisitor, async (req, res) => {
    const key = IdempotencyKey.safeParse(req.get(IDEMPOTENCY_HEADER));
    if (!key.success) {
      return sendError(res, ErrorCode.badRequest, `${IDEMPOTENCY_HEADER} header required: 8-64 characters of A-Z a-z 0-9 _ -`);
    }
    const request = parseBody(GroupBuyCommitRequest, req.body);
    const result = await ctx.venue.groupBuys.commit(visitorOf(res).id, key.data, String(req.params.productId), request);
    res.status(result.status).json(result.body);
  });
}
