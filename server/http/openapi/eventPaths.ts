import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { EventSummary, EventsResponse, LaunchEvent, LaunchEventFields } from '../../../shared/events.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, json, visitorOnly } from './responses.ts';

const { badRequest, eventConflict, forbidden, notFound, rateLimited, unauthorized } = ErrorCode;
const eventId = { path: z.object({ id: z.string() }) };

/** Launch events (shared/events.ts): the public schedule and calendar files, and the venue admin's changes. */
export const eventPaths: ZodOpenApiPathsObject = {
  [API.events]: {
    get: {
      summary: 'Launch events: upcoming and live ones soonest first, then past ones newest first',
      description:
        "Each with its phase when the server answered (`upcoming`, `countdown`, `reveal`, `live`, `ended`) and the server's " +
        'time, so a client counts down from the server clock. Includes the demo loop’s runs.',
      responses: { '200': json('the events', EventsResponse), ...errors() },
    },
    post: {
      summary: 'Schedule a launch event (venue admin)',
      description:
        'The hero product and colourway and every live-only price (below the regular price, in a currency the product ' +
        'sells in) must fit the catalog. Every shard hears the new schedule at once.',
      security: visitorOnly,
      requestBody: { required: true, content: { 'application/json': { schema: LaunchEvent } } },
      responses: {
        '201': json('the scheduled event', EventSummary),
        ...errors(badRequest, unauthorized, forbidden, eventConflict, rateLimited),
      },
    },
  },
  [`${API.events}/{id}`]: {
    get: {
      summary: 'One launch event and its phase now',
      requestParams: eventId,
      responses: { '200': json('the event', EventSummary), ...errors(notFound) },
    },
    patch: {
      summary: "Change a launch event's fields (venue admin or this event's host; events scheduled through this API only)",
      description: 'Events from EVENTS_FILE or the demo loop are changed in the file (409 `event_conflict`).',
      security: visitorOnly,
      requestParams: eventId,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: LaunchEventFields.omit({ id: true }).partial() } },
      },
      responses: {
        '200': json('the changed event', EventSummary),
        ...errors(badRequest, unauthorized, forbidden, notFound, eventConflict, rateLimited),
      },
    },
  },
  [`${API.events}/{id}/calendar.ics`]: {
    get: {
      summary: 'The event as an iCalendar file ("add to calendar"): from its countdown to its end, with the share link',
      requestParams: { path: z.object({ id: z.string() }), query: z.object({ lang: z.enum(['en', 'zh-CN']).optional() }) },
      responses: {
        '200': { description: 'an iCalendar (RFC 5545) file', content: { 'text/calendar': { schema: z.string() } } },
        ...errors(notFound),
      },
    },
  },
};
