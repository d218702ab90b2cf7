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
 * Squad routes: create, join by code, leave, read; the answer is the squad as the visitor sees it.
 * The domain publishes every membership change (`squadsChanged`), so members see it live in the room.
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
    const change = await createSquad(ctx.db, ctx.events, me);
    res.status(201).json(await answer(me.visitorId, change.squadId));
  });

  router.post(API.squadJoin, visitor, perVisitor, async (req, res) => {
    const { code } = parseBody(SquadJoinRequest, req.body);
    const me = member(res);
    const change = await joinSquad(ctx.db, ctx.events, code, me);
    res.json(await answer(me.visitorId, change.squadId));
  });

  router.get(API.squadMe, visitor, perVisitor, async (_req, res) => {
    const { id } = visitorOf(res);
    res.json(await answer(id, await squadOf(ctx.db, id)));
  });

  router.delete(API.squadMe, visitor, perVisitor, async (_req, res) => {
    await leaveSquad(ctx.db, ctx.events, visitorOf(res).id);
    res.json({ squad: null } satisfies SquadResponse);
  });
}
