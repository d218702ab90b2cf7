import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { MatchInfo } from '../../shared/match.ts';
import { requestLogger } from '../ops/logger.ts';
import { bodyLimit } from './bodyLimit.ts';
import { chain, fenceRequests } from './chain.ts';
import { cors } from './cors.ts';
import { securityHeaders } from './headers.ts';

export interface EdgeOptions {
  logger: Logger;
  match: MatchInfo;
  allowedOrigins: readonly string[];
  /** The store is on Stripe: the CSP lets Stripe.js in (see securityHeaders). */
  stripe?: boolean;
  /** The stage voice's Janus HTTP API: the CSP lets the page call it. */
  stageMediaUrl?: string | undefined;
}

/**
 * The server's edge, in front of every route (the matchmaker's too): request log with request id,
 * security headers, CORS, body limit. See chain.ts for why it sits before Colyseus and express.
 */
export function installEdge(server: Server, { logger, match, allowedOrigins, stripe = false, stageMediaUrl }: EdgeOptions): void {
  const edge = chain(
    [requestLogger(logger), securityHeaders(match, { stripe, stageMediaUrl }), cors(allowedOrigins), bodyLimit()],
    (err, res) => {
      logger.error({ err }, 'request failed at the edge');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    },
  );
  fenceRequests(server, edge);
}
