import type { RequestHandler, Response, Router } from 'express';
import icalGenerator from 'ical-generator';
import { API } from '../../shared/api.ts';
import {
  EVENT_LINK_PARAM,
  type EventSummary,
  type EventsResponse,
  eventPhase,
  LaunchEvent,
  LaunchEventFields,
} from '../../shared/events.ts';
import { localize } from '../../shared/i18nText.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { AppContext } from '../context.ts';
import { eventProblems } from '../domain/launch/eventRules.ts';
import { insertAdminEvent, updateAdminEvent } from '../domain/launch/eventStore.ts';
import { visitorOf } from './auth.ts';
import { parseBody, sendError } from './errors.ts';

/** The authentication and rate limit the admin routes go through. */
export interface EventGuards {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
}

/** A PATCH body: any of an event's fields but its id. */
const EventPatch = LaunchEventFields.omit({ id: true }).partial().strict();

/**
 * Launch event routes: the public list, one event, its calendar file (anyone; the events page and
 * share links use them), the venue admin's POST and the PATCH of whoever may run the event. The venue decides phases; an admin
 * change is stored and the venue reads it again at once, so every shard hears the new schedule.
 */
export function eventRoutes(router: Router, ctx: AppContext, { visitor, perVisitor }: EventGuards): void {
  // NOTE: read at every request: the venue may move to this process (or away) after the routes are made.
  const events = {
    list: () => ctx.venue.events.list(),
    find: (id: string) => ctx.venue.events.find(id),
    reload: () => ctx.venue.events.reload(),
  };
  const summary = (event: LaunchEvent): EventSummary => ({ ...event, phase: eventPhase(event, ctx.checkout.now()) });

  router.get(API.events, (_req, res) => {
    const body: EventsResponse = { serverTime: ctx.checkout.now(), events: events.list() };
    res.json(body);
  });

  router.get(`${API.events}/:id`, (req, res) => {
    const found = events.find(String(req.params.id));
    if (!found) return sendError(res, ErrorCode.notFound, 'no such event');
    res.json(summary(found.event));
  });

  router.get(`${API.events}/:id/calendar.ics`, (req, res) => {
    const found = events.find(String(req.params.id));
    if (!found) return sendError(res, ErrorCode.notFound, 'no such event');
    const locale = String(req.query.lang ?? 'en');
    const { event } = found;
    const link = new URL(ctx.config.publicUrl);
    link.searchParams.set(EVENT_LINK_PARAM, event.id);
    const calendar = icalGenerator({ name: ctx.venueName, prodId: { company: 'Courtside', product: 'Launch events' } });
    calendar.createEvent({
      id: `${event.id}@courtside`,
      start: new Date(Date.parse(event.startsAt) - event.countdownMs),
      end: new Date(event.endsAt),
      summary: localize(event.title, locale),
      description: `${localize(event.summary, locale)}\n${link.toString()}`,
      url: link.toString(),
      location: ctx.venueName,
    });
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${event.id}.ics"`);
    res.send(calendar.toString());
  });

  const admin: RequestHandler = (_req, res, next) => {
    if (visitorOf(res).role !== 'host') return sendError(res, ErrorCode.forbidden, 'only the venue admin can schedule events');
    next();
  };
  const eventHost: RequestHandler = (req, res, next) => {
    if (!ctx.hosts.mayHost(visitorOf(res), String(req.params.id))) {
      return sendError(res, ErrorCode.forbidden, "only the venue admin or this event's host can change it");
    }
    next();
  };
  const refuse = (res: Response, problems: string[]) =>
    sendError(res, ErrorCode.badRequest, `the event does not fit the catalog: ${problems.join('; ')}`);

  router.post(API.events, visitor, perVisitor, admin, async (req, res) => {
    const event = parseBody(LaunchEvent, req.body);
    const problems = eventProblems(event, ctx.catalog);
    if (problems.length > 0) return refuse(res, problems);
    if (events.find(event.id) || !(await insertAdminEvent(ctx.db, event))) {
      return sendError(res, ErrorCode.eventConflict, `an event "${event.id}" exists already`);
    }
    await events.reload();
    res.status(201).json(summary(event));
  });

  router.patch(`${API.events}/:id`, visitor, perVisitor, eventHost, async (req, res) => {
    const patch = parseBody(EventPatch, req.body);
    const found = events.find(String(req.params.id));
    if (!found) return sendError(res, ErrorCode.notFound, 'no such event');
    if (found.source !== 'admin') {
      return sendError(
        res,
        ErrorCode.eventConflict,
        `"${found.event.id}" comes from ${found.source === 'file' ? 'EVENTS_FILE' : 'the demo loop'}: change it there`,
      );
    }
    const event = parseBody(LaunchEvent, { ...found.event, ...patch });
    const problems = eventProblems(event, ctx.catalog);
    if (problems.length > 0) return refuse(res, problems);
    if (!(await updateAdminEvent(ctx.db, event))) return sendError(res, ErrorCode.notFound, 'no such event');
    await events.reload();
    res.json(summary(event));
  });
}
