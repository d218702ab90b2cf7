import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogLevel } from '../config.ts';
import type { Middleware } from '../edge/chain.ts';

/** What a module that logs needs: pino's levelled methods (an `err` field gets pino's error serializer). */
export type Log = Pick<Logger, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'>;

/** The header a request id arrives in (from a proxy) and is echoed back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Made once per process by `server/index.ts` (tests make a silent one): JSON lines on stdout. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  // NOTE: a visitor's token is a credential: never in the logs.
  const redact = ['req.headers.authorization', 'req.headers.cookie'];
  return destination ? pino({ name: 'courtside', level, redact }, destination) : pino({ name: 'courtside', level, redact });
}

const requestId = /^[\w.:-]{1,128}$/;

/** The id a request is logged and answered with: a proxy's or caller's when it looks like one, else a new one. */
function genReqId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && requestId.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

// NOTE: 4xx are the caller's mistakes (bad token, too large, rate limited): info, not warnings.
const lineLevel = (res: ServerResponse, err: unknown) => (err || res.statusCode >= 500 ? 'error' : 'info');

/**
 * Request logs: one JSON line per finished request with its id. An incoming `X-Request-Id` (from a
 * proxy or the caller) is kept when it looks like an id, else a fresh one is made; either way it is
 * echoed in the response so a visitor's report can be matched to the log line.
 * NOTE: pino-http makes a child logger per request, serializing and redacting the request up front,
 * even when the line will not be written. Below `info` (the bench and many deployments run at `warn`)
 * only failed requests are written, so only those pay for it: `failedRequestLine` writes the line
 * pino-http would have written (tests/integration/server/ops/requestLog.test.ts compares the two).
 */
export function requestLogger(logger: Logger): Middleware {
  const http = pinoHttp({ logger, genReqId, customLogLevel: (_req, res, err) => lineLevel(res, err) });
  return (req, res, next) => {
    if (http.logger.isLevelEnabled('info')) return http(req, res, next);
    req.id = genReqId(req, res);
    if (http.logger.isLevelEnabled('error')) failedRequestLine(http.logger, req, res);
    next();
  };
}

/** pino-http's line for a request that failed (5xx or a stream error), written when the response ends. */
function failedRequestLine(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  const started = Date.now();
  const done = (err?: Error) => {
    res.off('close', done);
    res.off('finish', done);
    res.off('error', done);
    if (lineLevel(res, err) !== 'error') return;
    const error = err ?? res.err ?? new Error(`failed with status code ${res.statusCode}`);
    logger.child({ req }).error({ res, err: error, responseTime: Date.now() - started }, 'request errored');
  };
  res.on('close', done);
  res.on('finish', done);
  res.on('error', done);
}

/**
 * Colyseus's logger is console-shaped and process-wide (`setLogger`): strings, stacks included.
 * This passes them to pino with the same levels.
 */
export function colyseusLogger(logger: Logger) {
  const child = logger.child({ component: 'colyseus' });
  const line = (args: unknown[]) => args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ');
  return {
    debug: (...args: unknown[]) => child.debug(line(args)),
    info: (...args: unknown[]) => child.info(line(args)),
    warn: (...args: unknown[]) => child.warn(line(args)),
    error: (...args: unknown[]) => child.error(line(args)),
    trace: (...args: unknown[]) => child.trace(line(args)),
  };
}
