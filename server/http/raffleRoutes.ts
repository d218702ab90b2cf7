import type { RequestHandler, Router } from 'express';
import { API } from '../../shared/api.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import {
  RAFFLE_STEPS,
  RaffleCreateRequest,
  RaffleEntryRequest,
  type RaffleEntryResponse,
  RaffleStepRequest,
} from '../../shared/raffle.ts';
import type { AppContext } from '../context.ts';
import { enterRaffle, myEntry } from '../domain/raffle/enter.ts';
import type { EventExists } from '../domain/raffle/eventCheck.ts';
import { readProof, type RaffleDeps } from '../domain/raffle/rows.ts';
import { advanceRaffle, createRaffle } from '../domain/raffle/steps.ts';
import { visitorOf } from './auth.ts';
import { parseBody, sendError } from './errors.ts';

/** The guards the raffle routes go through, and how they learn that an event exists. */
export interface RaffleRouteDeps {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
  /** Whether the launch event exists (a raffle is only created under one). */
  eventExists: EventExists;
  /** The raffle moved a step: every shard's copy is to be read again. */
  changed?: (eventId: string) => void;
}

const RAFFLE = `${API.events}/:id/raffle`;

/**
 * An event's provably fair raffle (shared/raffle.ts): `GET /api/events/:id/raffle` is the public proof;
 * whoever may run the event (the venue admin or its invited host) creates it (`POST`) and steps it through `/open`, `/close` and `/reveal`; visitors
 * enter with `POST …/raffle/entries` and find their entry with `GET …/raffle/entries/me`.
 */
export function raffleRoutes(
  router: Router,
  ctx: AppContext,
  { visitor, perVisitor, eventExists, changed }: RaffleRouteDeps,
): void {
  const deps: RaffleDeps = { db: ctx.db, now: ctx.checkout.now };
  /** Lets only whoever may run the event through (shared/eventHosts.ts); others get 403 and nothing changes. */
  const hostOnly: RequestHandler = (req, res, next) => {
    if (!ctx.hosts.mayHost(visitorOf(res), String(req.params.id))) {
      return sendError(res, ErrorCode.forbidden, "only the venue admin or this event's host can run the raffle");
    }
    next();
  };

  router.get(RAFFLE, async (req, res) => {
    res.json(await readProof(ctx.db, String(req.params.id)));
  });

  router.post(RAFFLE, visitor, perVisitor, hostOnly, async (req, res) => {
    const eventId = String(req.params.id);
    const request = parseBody(RaffleCreateRequest, req.body);
    if (!(await eventExists(eventId))) return sendError(res, ErrorCode.notFound, 'no such event');
    res.status(201).json(await createRaffle(deps, eventId, request, visitorOf(res).id));
    changed?.(eventId);
  });

  for (const step of RAFFLE_STEPS) {
    router.post(`${RAFFLE}/${step}`, visitor, perVisitor, hostOnly, async (req, res) => {
      parseBody(RaffleStepRequest, req.body ?? {});
      const eventId = String(req.params.id);
      res.json(await advanceRaffle(deps, eventId, step));
      changed?.(eventId);
    });
  }

  router.post(`${RAFFLE}/entries`, visitor, perVisitor, async (req, res) => {
    parseBody(RaffleEntryRequest, req.body ?? {});
    res.status(201).json(await enterRaffle(deps, String(req.params.id), visitorOf(res).id));
  });

  router.get(`${RAFFLE}/entries/me`, visitor, perVisitor, async (req, res) => {
    const eventId = String(req.params.id);
    const entryId = await myEntry(deps, eventId, visitorOf(res).id);
    if (entryId === null) return sendError(res, ErrorCode.notFound, 'this visitor has not entered the raffle');
    res.json({ eventId, entryId } satisfies RaffleEntryResponse);
  });
}
