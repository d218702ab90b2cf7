import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { OfferRequest, OffersResponse } from '../../../shared/offers.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, json, visitorOnly } from './responses.ts';

const { badRequest, forbidden, notFound, offerRejected, rateLimited, unauthorized } = ErrorCode;

/** A launch event's limited-time offers (shared/offers.ts): anyone lists them, the event's host pushes and withdraws. */
export const offerPaths: ZodOpenApiPathsObject = {
  [`${API.events}/{id}/offers`]: {
    get: {
      summary: "An event's limited-time offers running now",
      description:
        'Each with the products its target covers and its window by the server clock. Every visitor also gets them, and ' +
        'the price each product is charged now (live-only or offer), in the room state (`offers`, `prices`).',
      requestParams: { path: z.object({ id: z.string() }) },
      responses: { '200': json('the running offers', OffersResponse), ...errors(notFound) },
    },
    post: {
      summary: 'Push a limited-time offer to every visitor (the event host)',
      description:
        'Percent off a catalog category or named products (1–90 %, for 1–60 minutes; it ends with the event at the ' +
        'latest), taken off the regular price in every currency and rounded to the smallest unit. While it runs, checkout ' +
        'charges the best of the regular, live-only and offer price; after its end, the regular one again. Only while ' +
        'the event reveals or is live (409 `offer_rejected` otherwise).',
      security: visitorOnly,
      requestParams: { path: z.object({ id: z.string() }) },
      requestBody: { required: true, content: { 'application/json': { schema: OfferRequest } } },
      responses: {
        '201': json('the running offers, the new one included', OffersResponse),
        ...errors(badRequest, unauthorized, forbidden, notFound, offerRejected, rateLimited),
      },
    },
  },
  [`${API.events}/{id}/offers/{offerId}`]: {
    delete: {
      summary: 'Withdraw a limited-time offer now (the event host)',
      description: 'An offer that has ended or was withdrawn already is 409 `offer_rejected`.',
      security: visitorOnly,
      requestParams: { path: z.object({ id: z.string(), offerId: z.string() }) },
      responses: {
        '200': json('the offers still running', OffersResponse),
        ...errors(unauthorized, forbidden, notFound, offerRejected, rateLimited),
      },
    },
  },
};
