import type { RequestHandler, Response, Router } from 'express';
import { API } from '../../shared/api.ts';
import { DropConfig, DropEntryRequest, DropViewQuery } from '../../shared/drop.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { bearerToken } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../domain/errors.ts';
import { visitorOf } from './auth.ts';
import { parseBody } from './errors.ts';

/** The authentication and rate limit a drop's routes go through (the same as an order's). */
export interface DropGuards {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
}

/** Where an event's drop lives: `/api/events/:id/drop`. */
const DROP = `${API.events}/:id/drop`;

/**
 * Fair-drop routes (shared/drop.ts): whoever may run the event (the venue admin or its invited host)
 * creates, opens and closes its drop; a visitor enters once; anyone reads the drop with their own result (`?waitMs=` waits
 * for the draw). Every answer is the `DropView`.
 */
export function dropRoutes(router: Router, ctx: AppContext, { visitor, perVisitor }: DropGuards): void {
  router.post(DROP, visitor, perVisitor, async (req, res) => {
    requireHost(ctx, res, req.params.id);
    const config = parseBody(DropConfig, req.body);
    await ctx.drops.create(eventId(req.params.id), config);
    res.status(201).json(await ctx.drops.view(eventId(req.params.id), visitorOf(res).id));
  });

  for (const command of ['open', 'close'] as const) {
    router.post(`${DROP}/${command}`, visitor, perVisitor, async (req, res) => {
      requireHost(ctx, res, req.params.id);
      const id = eventId(req.params.id);
      await ctx.drops[command](id);
      res.json(await ctx.drops.view(id, visitorOf(res).id));
    });
  }

  router.post(`${DROP}/entries`, visitor, perVisitor, async (req, res) => {
    parseBody(DropEntryRequest, req.body ?? {});
    const id = eventId(req.params.id);
    await ctx.drops.enter(id, visitorOf(res).id);
    res.status(201).json(await ctx.drops.view(id, visitorOf(res).id));
  });

  router.get(DROP, async (req, res) => {
    const who = await ctx.tokens.verify(bearerToken(req.get('authorization')));
    const query = DropViewQuery.safeParse(req.query);
    if (!query.success) throw new DomainError(ErrorCode.badRequest, 'waitMs must be 0-30000');
    const id = eventId(req.params.id);
    const waiting = query.data.waitMs ? ctx.drops.untilDrawn(id, query.data.waitMs) : undefined;
    if (!waiting) return void res.json(await ctx.drops.view(id, who?.id));
    // NOTE: a long poll sends its headers now, so the answer at the draw is one small write: thousands
    // of entrants wait on the same draw, and every microsecond per answer is spent thousands of times.
    res.type('json').flushHeaders();
    await waiting;
    res.end(JSON.stringify(await ctx.drops.view(id, who?.id)));
  });
}

/** Host commands are for whoever may run the event (shared/eventHosts.ts): anyone else gets 403 and nothing changes. */
function requireHost(ctx: AppContext, res: Response, id: unknown): void {
  if (!ctx.hosts.mayHost(visitorOf(res), String(id))) {
    throw new DomainError(ErrorCode.forbidden, "only the venue admin or this event's host may run the drop");
  }
}

function eventId(raw: unknown): string {
  const id = String(raw);
  if (!/^[a-z0-9][a-z0-9-]{1,47}$/.test(id)) throw new DomainError(ErrorCode.notFound, `no event ${id}`);
  return id;
}
