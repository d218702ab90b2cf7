import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import {
  GroupBuyCommitRequest,
  GroupBuyCommitResponse,
  GroupBuyJoinedResponse,
  GroupBuysResponse,
} from '../../../shared/groupBuy.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { SquadJoinRequest, SquadResponse } from '../../../shared/together.ts';
import { VoiceConfigResponse } from '../../../shared/voice.ts';
import { errors, idempotencyHeader, json, visitorOnly, visitorOptional } from './responses.ts';

const {
  badRequest,
  forbidden,
  groupBuyRejected,
  idempotencyConflict,
  idempotencyInProgress,
  notFound,
  outOfStock,
  paymentDeclined,
  rateLimited,
  unauthorized,
  unavailable,
} = ErrorCode;

/** Squads, voice and group buys. */
export const togetherPaths: ZodOpenApiPathsObject = {
  [API.squads]: {
    post: {
      summary: 'Start a squad (leaving the old one); the answer carries its short invite code',
      security: visitorOnly,
      responses: { '201': json('the new squad as the visitor sees it', SquadResponse), ...errors(unauthorized, rateLimited) },
    },
  },
  [API.squadJoin]: {
    post: {
      summary: 'Join a squad by its code (leaving the old one)',
      security: visitorOnly,
      requestBody: { required: true, content: { 'application/json': { schema: SquadJoinRequest } } },
      responses: {
        '200': json('the squad joined, with its squad cart', SquadResponse),
        ...errors(badRequest, unauthorized, forbidden, notFound, rateLimited),
      },
    },
  },
  [API.squadMe]: {
    get: {
      summary: "The visitor's squad with the squad cart (null when in none)",
      security: visitorOnly,
      responses: { '200': json('the squad, or null', SquadResponse), ...errors(unauthorized, rateLimited) },
    },
    delete: {
      summary: 'Leave the squad',
      security: visitorOnly,
      responses: { '200': json('no squad any more', SquadResponse), ...errors(unauthorized, rateLimited) },
    },
  },
  [API.voice]: {
    get: {
      summary: 'The ICE servers (STUN/TURN) for voice',
      responses: { '200': json('voice settings', VoiceConfigResponse), ...errors() },
    },
  },
  [API.groupBuys]: {
    get: {
      summary: "Open group buys; with a token also the visitor's own commits and what became of them",
      security: visitorOptional,
      responses: { '200': json("open groups and, with a token, the visitor's commits", GroupBuysResponse), ...errors() },
    },
  },
  [`${API.groupBuys}/{productId}/joined`]: {
    get: {
      summary:
        "Who is in the product's open group: the asking visitor's squad mates by name, everyone else as a count (strangers' names are never sent); null while no group is open",
      security: visitorOptional,
      requestParams: { path: z.object({ productId: z.string() }) },
      responses: { '200': json('the open group and who joined it, or null', GroupBuyJoinedResponse), ...errors() },
    },
  },
  [`${API.groupBuys}/{productId}/commits`]: {
    post: {
      summary: "Join the product's group: reserves one unit and authorizes the group price (charged only if the group fills)",
      security: visitorOnly,
      requestParams: { path: z.object({ productId: z.string() }), header: idempotencyHeader },
      requestBody: { required: true, content: { 'application/json': { schema: GroupBuyCommitRequest } } },
      responses: {
        '201': json('committed (a retry with the same key replays this)', GroupBuyCommitResponse),
        '202': json(
          "this commit filled the group, but the provider's answer to capturing this visitor's hold was lost: the order is `authorizing` until the recovery loop captures it (see the order in GET /api/orders)",
          GroupBuyCommitResponse,
        ),
        ...errors(
          badRequest,
          unauthorized,
          paymentDeclined,
          notFound,
          outOfStock,
          groupBuyRejected,
          idempotencyConflict,
          idempotencyInProgress,
          rateLimited,
          unavailable,
        ),
      },
    },
  },
};
