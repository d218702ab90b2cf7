import type { RequestHandler, Router } from 'express';
import { API } from '../../shared/api.ts';
import {
  HOST_LINK_PARAM,
  type HostInviteCreated,
  HostInviteRequest,
  type HostInvitesResponse,
  PhaseMoveRequest,
} from '../../shared/eventHosts.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../domain/errors.ts';
import { inviteView } from '../domain/launch/hostInviteStore.ts';
import { visitorOf } from './auth.ts';
import { parseBody, sendError } from './errors.ts';

/** The authentication and rate limit the host routes go through. */
export interface HostGuards {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
}

const HOSTS = `${API.events}/:id/hosts`;

/**
 * An event's hosts: the venue admin makes, lists and revokes host invite links
 * (`/api/events/:id/hosts`); whoever may run the event moves it to a phase now (`POST …/phase`).
 */
export function hostRoutes(router: Router, ctx: AppContext, { visitor, perVisitor }: HostGuards): void {
  const venueAdmin: RequestHandler = (_req, res, next) => {
    if (visitorOf(res).role !== 'host') return sendError(res, ErrorCode.forbidden, 'only the venue admin can invite hosts');
    next();
  };
  const eventOf = (raw: unknown) => {
    const found = ctx.venue.events.find(String(raw));
    if (!found) throw new DomainError(ErrorCode.notFound, 'no such event');
    return found.event;
  };

  router.post(HOSTS, visitor, perVisitor, venueAdmin, async (req, res) => {
    const { name } = parseBody(HostInviteRequest, req.body);
    const event = eventOf(req.params.id);
    const expiresAtMs = Date.parse(event.endsAt);
    if (expiresAtMs <= ctx.checkout.now()) return sendError(res, ErrorCode.eventConflict, 'the event has ended');
    const { invite, secret } = await ctx.hosts.create(event.id, name, expiresAtMs, visitorOf(res).id);
    const link = new URL(ctx.config.publicUrl);
    link.searchParams.set(HOST_LINK_PARAM, secret);
    res.status(201).json({ ...inviteView(invite), link: link.toString() } satisfies HostInviteCreated);
  });

  router.get(HOSTS, visitor, perVisitor, venueAdmin, async (req, res) => {
    const event = eventOf(req.params.id);
    res.json({ invites: (await ctx.hosts.list(event.id)).map(inviteView) } satisfies HostInvitesResponse);
  });

  router.delete(`${HOSTS}/:inviteId`, visitor, perVisitor, venueAdmin, async (req, res) => {
    const revoked = await ctx.hosts.revoke(String(req.params.id), String(req.params.inviteId));
    if (!revoked) return sendError(res, ErrorCode.notFound, 'this event has no such host invite');
    res.json(inviteView(revoked));
  });

  router.post(`${API.events}/:id/phase`, visitor, perVisitor, async (req, res) => {
    const id = String(req.params.id);
    if (!ctx.hosts.mayHost(visitorOf(res), id)) return sendError(res, ErrorCode.forbidden, "only this event's host can move it");
    const { phase } = parseBody(PhaseMoveRequest, req.body);
    const moved = await ctx.venue.events.movePhase(id, phase);
    if (!moved.ok) return sendError(res, moved.code, moved.message);
    res.json(moved.event);
  });
}
