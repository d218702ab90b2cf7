import type { RequestHandler, Response, Router } from 'express';
import { API } from '../../shared/api.ts';
import { mayHostEvent } from '../../shared/eventHosts.ts';
import { OfferRequest, type OffersResponse } from '../../shared/offers.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../domain/errors.ts';
import { visitorOf } from './auth.ts';
import { parseBody } from './errors.ts';

/** The authentication and rate limit the host's offer commands go through. */
export interface OfferGuards {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
}

/** Where an event's offers live: `/api/events/:id/offers`. */
const OFFERS = `${API.events}/:id/offers`;

/**
 * Limited-time offer routes (shared/offers.ts): anyone lists an event's active offers; whoever may host
 * the event (`mayHostEvent`) pushes one or withdraws one. Every answer is the event's active offers, and
 * every change reaches every shard through the venue's price board.
 */
export function offerRoutes(router: Router, ctx: AppContext, { visitor, perVisitor }: OfferGuards): void {
  const answer = (res: Response, eventId: string, status = 200) => {
    const body: OffersResponse = { serverTime: ctx.checkout.now(), offers: ctx.venue.prices.offers(eventId) };
    res.status(status).json(body);
  };

  router.get(OFFERS, (req, res) => {
    const id = knownEvent(ctx, req.params.id);
    answer(res, id);
  });

  router.post(OFFERS, visitor, perVisitor, async (req, res) => {
    const id = knownEvent(ctx, req.params.id);
    requireHost(res, id);
    const request = parseBody(OfferRequest, req.body);
    await ctx.venue.prices.push(id, request, visitorOf(res).id);
    answer(res, id, 201);
  });

  router.delete(`${OFFERS}/:offerId`, visitor, perVisitor, async (req, res) => {
    const id = knownEvent(ctx, req.params.id);
    requireHost(res, id);
    await ctx.venue.prices.withdraw(id, String(req.params.offerId));
    answer(res, id);
  });
}

function knownEvent(ctx: AppContext, raw: unknown): string {
  const id = String(raw);
  if (!ctx.venue.events.find(id)) throw new DomainError(ErrorCode.notFound, `no event ${id}`);
  return id;
}

/** Offers are the host's: anyone else gets 403 and nothing changes. */
function requireHost(res: Response, eventId: string): void {
  if (!mayHostEvent(visitorOf(res), eventId)) {
    throw new DomainError(ErrorCode.forbidden, 'only the host of this event may push or withdraw offers');
  }
}
