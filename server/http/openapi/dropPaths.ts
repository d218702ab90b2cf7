import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { DropConfig, DropEntryRequest, DropView, DropViewQuery } from '../../../shared/drop.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, json, visitorOnly, visitorOptional } from './responses.ts';

const { badRequest, dropRejected, forbidden, notFound, rateLimited, unauthorized } = ErrorCode;
const DROP = `${API.events}/{id}/drop`;
const path = z.object({ id: z.string() });

/** The fair drop of a launch event (shared/drop.ts, server/http/dropRoutes.ts). */
export const dropPaths: ZodOpenApiPathsObject = {
  [DROP]: {
    get: {
      summary:
        "The event's drop and, with a token, the caller's result; `waitMs` waits (up to 30 s) for the draw: the headers come at once, the body at the draw (or when the wait runs out)",
      security: visitorOptional,
      requestParams: { path, query: DropViewQuery },
      responses: { '200': json("the drop and the caller's result", DropView), ...errors(badRequest, notFound) },
    },
    post: {
      summary:
        "Set up the event's drop: a SKU, units, drop prices, the entry window and the hold (venue admin or the event's host)",
      security: visitorOnly,
      requestParams: { path },
      requestBody: { required: true, content: { 'application/json': { schema: DropConfig } } },
      responses: {
        '201': json('the scheduled drop', DropView),
        ...errors(badRequest, unauthorized, forbidden, notFound, dropRejected, rateLimited),
      },
    },
  },
  [`${DROP}/open`]: {
    post: {
      summary: "Open entries for the entry window (venue admin or the event's host); the window closes itself and draws",
      security: visitorOnly,
      requestParams: { path },
      responses: {
        '200': json('the open drop', DropView),
        ...errors(unauthorized, forbidden, notFound, dropRejected, rateLimited),
      },
    },
  },
  [`${DROP}/close`]: {
    post: {
      summary: "Close entries now and draw (venue admin or the event's host): every entrant learns their result at once",
      security: visitorOnly,
      requestParams: { path },
      responses: {
        '200': json('the drawn drop', DropView),
        ...errors(unauthorized, forbidden, notFound, dropRejected, rateLimited),
      },
    },
  },
  [`${DROP}/entries`]: {
    post: {
      summary: 'Enter the drop (once per visitor, while the window is open); answered from memory',
      security: visitorOnly,
      requestParams: { path },
      requestBody: { required: false, content: { 'application/json': { schema: DropEntryRequest } } },
      responses: {
        '201': json('entered; the result comes at the draw', DropView),
        ...errors(badRequest, unauthorized, notFound, dropRejected, rateLimited),
      },
    },
  },
};
