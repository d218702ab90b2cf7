import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { LogLevel } from '../config.ts';

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

/**
 * Request logs: one JSON line per finished request with its id. An incoming `X-Request-Id` (from a
 * proxy or the caller) is kept when it looks like an id, else a fresh one is made; either way it is
 * echoed in the response so a visitor's report can be matched to the log line.
 */
export function requestLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers[REQUEST_ID_HEADER];
      const id = typeof incoming === 'string' && requestId.test(incoming) ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // NOTE: 4xx are the caller's mistakes (bad token, too large, rate limited): info, not warnings.
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
  });
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
