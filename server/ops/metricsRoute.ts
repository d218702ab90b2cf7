import type { RequestHandler } from 'express';
import { ErrorCode } from '../../shared/protocol.ts';
import { isAdminToken } from '../auth/adminToken.ts';
import { bearerToken } from '../auth/tokens.ts';
import { sendError } from '../http/errors.ts';
import type { Metrics } from './metrics.ts';

/** Where Prometheus scrapes this process. */
export const METRICS_PATH = '/metrics';

/** Serves the app's registry in Prometheus text format; with `token` set, only to `Bearer <token>` (else 401). */
export function metricsRoute(metrics: Metrics, token: string | undefined): RequestHandler {
  return async (req, res) => {
    if (token !== undefined && !isAdminToken(bearerToken(req.get('authorization')) ?? '', token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, ErrorCode.unauthorized, 'a valid metrics token is required (METRICS_TOKEN)');
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
