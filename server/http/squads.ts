import type { RequestHandler, Router } from 'express';
import { API } from '../../shared/api.ts';
import { SquadJoinRequest, type SquadResponse } from '../../shared/together.ts';
import type { AppContext } from '../context.ts';
import { createSquad, joinSquad, leaveSquad, personalise, readSquad, squadOf, type MemberProfile } from '../domain/squads.ts';
import { visitorOf } from './auth.ts';
import { parseBody } from './errors.ts';

/** The authentication and rate limit every squad route goes through (the same as the cart's). */
export interface SquadGuards {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
}

/**
 * Squad routes: create, join by code, leave, read. Every membership change is published so the
 * squad's members see it live in the room; the answer is the squad as the visitor sees it.
 */
export function squadRoutes(router: Router, ctx: AppContext, { visitor, perVisitor }: SquadGuards): void {
  const member = (res: Parameters<typeof visitorOf>[0]): MemberProfile => {
    const v = visitorOf(res);
    return { visitorId: v.id, name: v.name, color: v.color };
  };
  const answer = async (visitorId: string, squadId: string | null): Promise<SquadResponse> => {
    const record = squadId ? await readSquad(ctx.db, squadId) : null;
    return { squad: record ? personalise(record, visitorId) : null };
  };

  router.post(API.squads, visitor, perVisitor, async (_req, res) => {
    const me = member(res);
    const change = await createSquad(ctx.db, me);
    ctx.squads.changed(change.left, change.squadId);
    res.status(201).json(await answer(me.visitorId, change.squadId));
  });

  router.post(API.squadJoin, visitor, perVisitor, async (req, res) => {
    const { code } = parseBody(SquadJoinRequest, req.body);
    const me = member(res);
    const change = await joinSquad(ctx.db, code, me);
    ctx.squads.changed(change.left, change.squadId);
    res.json(await answer(me.visitorId, change.squadId));
  });

  router.get(API.squadMe, visitor, perVisitor, async (_req, res) => {
    const { id } = visitorOf(res);
    res.json(await answer(id, await squadOf(ctx.db, id)));
  });

  router.delete(API.squadMe, visitor, perVisitor, async (_req, res) => {
    const left = await leaveSquad(ctx.db, visitorOf(res).id);
    ctx.squads.changed(left);
    res.json({ squad: null } satisfies SquadResponse);
  });
}

/**
 * Middleware for the cart and order routes: after a successful change (anything but GET) the
 * visitor's squad, if any, is told, so the squad cart stays live. Checkout clears bought lines, so
 * orders count as a cart change.
 */
export function publishCartChanges(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET') {
      res.on('finish', () => {
        const v = res.locals.visitor as { id?: string } | undefined;
        if (v?.id && res.statusCode < 300) {
          ctx.squads.cartChanged(v.id).catch((err) => ctx.log.error({ err }, 'squad cart publish failed'));
        }
      });
    }
    next();
  };
}
