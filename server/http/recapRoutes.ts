import type { Router } from 'express';
import { API } from '../../shared/api.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { AppContext } from '../context.ts';
import { readRecap } from '../domain/launch/recap.ts';
import { sendError } from './errors.ts';

/** `GET /api/events/:id/recap`: what happened at a launch (shared/recap.ts), for anyone. */
export function recapRoutes(router: Router, ctx: AppContext): void {
  router.get(`${API.events}/:id/recap`, async (req, res) => {
    const found = ctx.venue.events.find(String(req.params.id));
    if (!found) return sendError(res, ErrorCode.notFound, 'no such event');
    const entrantsSoFar = async (eventId: string) => (await ctx.drops.view(eventId, undefined)).entrants;
    res.json(await readRecap({ db: ctx.db, entrantsSoFar }, found.event, ctx.checkout.now()));
  });
}
