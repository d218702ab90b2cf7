import type { z } from 'zod';
import { API } from '../../shared/api.ts';
import { type DropConfigInput, DropView } from '../../shared/drop.ts';
import { EventSummary } from '../../shared/events.ts';
import type { PhaseMoveRequest } from '../../shared/eventHosts.ts';
import { RaffleProof, type RaffleStep, rafflePath } from '../../shared/raffle.ts';
import type { LocalizedText } from '../../shared/i18nText.ts';
import { ApiRequestError, requestJson } from './http.ts';

/** A host's commands for one event, over the store API (the server checks `mayHostEvent` on each). */
export interface HostActions {
  /** Moves the event to a phase now (forward only: `409 phase_not_forward` otherwise). */
  movePhase(eventId: string, phase: PhaseMoveRequest['phase']): Promise<EventSummary>;
  /** The event's drop, or null when it has none. */
  loadDrop(eventId: string): Promise<DropView | null>;
  createDrop(eventId: string, config: DropConfigInput): Promise<DropView>;
  dropStep(eventId: string, step: 'open' | 'close'): Promise<DropView>;
  /** The event's raffle proof, or null when it has none. */
  loadRaffle(eventId: string): Promise<RaffleProof | null>;
  createRaffle(eventId: string, prize: LocalizedText, winnersCount: number): Promise<RaffleProof>;
  raffleStep(eventId: string, step: RaffleStep): Promise<RaffleProof>;
}

const eventPath = (eventId: string) => `${API.events}/${encodeURIComponent(eventId)}`;

/** Null for a 404 (nothing made yet), the error otherwise. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 404) return null;
    throw err;
  }
}

/** Host actions with the session's token. */
export function createHostActions(token: () => string | null): HostActions {
  const post = <S extends z.ZodType>(path: string, schema: S, body: unknown = {}): Promise<z.infer<S>> =>
    requestJson(path, schema, { method: 'POST', body, token: token() });
  return {
    movePhase: (eventId, phase) => post(`${eventPath(eventId)}/phase`, EventSummary, { phase }),
    loadDrop: (eventId) => orNull(requestJson(`${eventPath(eventId)}/drop`, DropView, { token: token() })),
    createDrop: (eventId, config) => post(`${eventPath(eventId)}/drop`, DropView, config),
    dropStep: (eventId, step) => post(`${eventPath(eventId)}/drop/${step}`, DropView),
    loadRaffle: (eventId) => orNull(requestJson(rafflePath(API.events, eventId), RaffleProof)),
    createRaffle: (eventId, prize, winnersCount) => post(rafflePath(API.events, eventId), RaffleProof, { prize, winnersCount }),
    raffleStep: (eventId, step) => post(`${rafflePath(API.events, eventId)}/${step}`, RaffleProof),
  };
}
