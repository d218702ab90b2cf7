import type { IncomingMessage } from 'node:http';
import type { Middleware } from './chain.ts';

const ALLOW_HEADERS = 'Content-Type, Authorization, Idempotency-Key, X-Request-Id';
const EXPOSE_HEADERS = 'X-Request-Id, Retry-After';

/** Whether a request's Origin is this server itself (the page we serve calling us). */
function sameOrigin(req: IncomingMessage, origin: string): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * CORS for the origins listed in ALLOWED_ORIGINS only; same-origin needs none. Other origins get no
 * Access-Control-Allow-Origin (so their pages cannot read answers) and their preflights get 403.
 * No credentials are allowed: visitors authenticate with a bearer token, never a cookie.
 */
export function cors(allowedOrigins: readonly string[]): Middleware {
  const allowed = new Set(allowedOrigins.map((o) => o.replace(/\/+$/, '')));
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || sameOrigin(req, origin)) return next();
    res.setHeader('Vary', 'Origin');
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!allowed.has(origin)) {
      if (!preflight) return next();
      res.statusCode = 403;
      return res.end();
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    if (!preflight) return next();
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE');
    res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.statusCode = 204;
    res.end();
  };
}
