import type { RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '../../shared/protocol.ts';
import { sendError } from './errors.ts';

/**
 * Allows `perMinute` requests per key (from `keyOf`) and answers the rest with 429 rate_limited
 * and a Retry-After header. Memory-backed: one process; swap for the Redis limiter when scaled out.
 */
export function rateLimit(
  perMinute: number,
  keyOf: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => string,
): RequestHandler {
  const limiter = new RateLimiterMemory({ points: Math.max(1, perMinute), duration: 60 });
  return async (req, res, next) => {
    try {
      await limiter.consume(keyOf(req, res));
      next();
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) return next(e);
      res.setHeader('Retry-After', String(Math.ceil(e.msBeforeNext / 1000)));
      sendError(res, ErrorCode.rateLimited, 'too many requests; slow down');
    }
  };
}
