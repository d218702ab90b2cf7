import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { RaffleCreateRequest, RaffleEntryResponse, RaffleProof, type RaffleStep } from '../../../shared/raffle.ts';
import { errors, json, visitorOnly } from './responses.ts';

const { badRequest, forbidden, notFound, raffleAlreadyEntered, raffleNotOpen, raffleOutOfOrder, rateLimited, unauthorized } =
  ErrorCode;

const RAFFLE = `${API.events}/{id}/raffle`;
const path = z.object({ id: z.string().meta({ description: 'the launch event id' }) });
const noFields = { content: { 'application/json': { schema: z.strictObject({}) } } };

const STEP_SUMMARY: Record<RaffleStep, string> = {
  open: "Venue admin or the event's host: open entries (from committed)",
  close: "Venue admin or the event's host: close entries and publish the sorted entrant list and its hash (from open)",
  reveal: "Venue admin or the event's host: publish the seed and the winners it draws (from closed)",
};

const step = (s: RaffleStep): ZodOpenApiOperationObject => ({
  summary: STEP_SUMMARY[s],
  security: visitorOnly,
  requestParams: { path },
  requestBody: noFields,
  responses: {
    '200': json('the proof after the step', RaffleProof),
    ...errors(badRequest, unauthorized, forbidden, notFound, raffleOutOfOrder, rateLimited),
  },
});

/** An event's provably fair raffle (shared/raffle.ts). */
export const rafflePaths: ZodOpenApiPathsObject = {
  [RAFFLE]: {
    get: {
      summary: "The raffle's public proof: commitment, then the sorted entrants and their hash, then the seed and winners",
      requestParams: { path },
      responses: { '200': json('the proof as far as the raffle has gone', RaffleProof), ...errors(notFound) },
    },
    post: {
      summary:
        "Venue admin or the event's host: create the raffle; the server draws a secret seed and publishes its SHA-256 commitment",
      security: visitorOnly,
      requestParams: { path },
      requestBody: { required: true, content: { 'application/json': { schema: RaffleCreateRequest } } },
      responses: {
        '201': json('the raffle, committed', RaffleProof),
        ...errors(badRequest, unauthorized, forbidden, notFound, raffleOutOfOrder, rateLimited),
      },
    },
  },
  [`${RAFFLE}/open`]: { post: step('open') },
  [`${RAFFLE}/close`]: { post: step('close') },
  [`${RAFFLE}/reveal`]: { post: step('reveal') },
  [`${RAFFLE}/entries`]: {
    post: {
      summary: 'Enter the raffle while it is open (once per visitor); the answer is the public entry id',
      security: visitorOnly,
      requestParams: { path },
      requestBody: noFields,
      responses: {
        '201': json('entered: the public entry id the proof will list', RaffleEntryResponse),
        ...errors(badRequest, unauthorized, notFound, raffleNotOpen, raffleAlreadyEntered, rateLimited),
      },
    },
  },
  [`${RAFFLE}/entries/me`]: {
    get: {
      summary: "The visitor's public entry id in the raffle",
      security: visitorOnly,
      requestParams: { path },
      responses: { '200': json('the entry', RaffleEntryResponse), ...errors(unauthorized, notFound, rateLimited) },
    },
  },
};
