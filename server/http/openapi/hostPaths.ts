import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { EventSummary } from '../../../shared/events.ts';
import {
  HostInvite,
  HostInviteCreated,
  HostInviteRequest,
  HostInvitesResponse,
  PhaseMoveRequest,
} from '../../../shared/eventHosts.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, json, visitorOnly } from './responses.ts';

const { badRequest, eventConflict, forbidden, notFound, phaseNotForward, rateLimited, unauthorized } = ErrorCode;
const HOSTS = `${API.events}/{id}/hosts`;
const path = z.object({ id: z.string() });

/** An event's hosts (shared/eventHosts.ts, server/http/hostRoutes.ts): invite links and phase moves. */
export const hostPaths: ZodOpenApiPathsObject = {
  [HOSTS]: {
    get: {
      summary: "The event's host invites, newest first, revoked and expired ones included (venue admin)",
      security: visitorOnly,
      requestParams: { path },
      responses: { '200': json('the invites', HostInvitesResponse), ...errors(unauthorized, forbidden, notFound, rateLimited) },
    },
    post: {
      summary: 'Invite a brand host to run this event (venue admin): a link valid for this event only, until its end',
      description:
        'The answer carries the link (`PUBLIC_URL/?host=<secret>`) once; only the secret’s hash is kept. Opening it ' +
        '(`POST /api/session` with `hostInvite`) gives a session with role `eventHost` for this event, named as invited.',
      security: visitorOnly,
      requestParams: { path },
      requestBody: { required: true, content: { 'application/json': { schema: HostInviteRequest } } },
      responses: {
        '201': json('the invite and its link', HostInviteCreated),
        ...errors(badRequest, unauthorized, forbidden, notFound, eventConflict, rateLimited),
      },
    },
  },
  [`${HOSTS}/{inviteId}`]: {
    delete: {
      summary: 'Revoke a host invite (venue admin): its session is refused at once, over HTTP and in the room',
      security: visitorOnly,
      requestParams: { path: z.object({ id: z.string(), inviteId: z.string() }) },
      responses: { '200': json('the revoked invite', HostInvite), ...errors(unauthorized, forbidden, notFound, rateLimited) },
    },
  },
  [`${API.events}/{id}/phase`]: {
    post: {
      summary: "Move the event to a phase now (the venue admin or this event's host; forward only)",
      description:
        'Rewrites the event’s times (countdown now, reveal now, live now, ended now) and every shard hears the new phase ' +
        'at once. Back or to the same phase is 409 `phase_not_forward`; an event from EVENTS_FILE or the demo loop ' +
        'keeps its own timeline (409 `event_conflict`). The room message `hostPhase` does the same.',
      security: visitorOnly,
      requestParams: { path },
      requestBody: { required: true, content: { 'application/json': { schema: PhaseMoveRequest } } },
      responses: {
        '200': json('the event in its new phase', EventSummary),
        ...errors(badRequest, unauthorized, forbidden, notFound, eventConflict, phaseNotForward, rateLimited),
      },
    },
  },
};
