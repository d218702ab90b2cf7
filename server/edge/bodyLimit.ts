import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../../shared/api.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { Middleware } from './chain.ts';

/** The largest request body any route takes (the biggest is a cart or order: a few hundred bytes). */
export const BODY_LIMIT_BYTES = 16 * 1024;

const MATCHMAKE = '/matchmake/';

/** Answers 413 and closes the connection, so the rest of an oversized upload is never read. */
export function tooLarge(res: ServerResponse, limit: number): void {
  const body: ApiError = { error: { code: ErrorCode.badRequest, message: `request body is larger than ${limit} bytes` } };
  res.statusCode = 413;
  res.setHeader('Connection', 'close');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * Caps every request body at `limit` bytes. A declared Content-Length over it gets 413 before a byte
 * is read. A matchmaker body is read here, capped, and handed over as `req.body` (Colyseus then
 * skips its own unbounded read); express routes cap their own reads (`express.json({ limit })`).
 */
export function bodyLimit(limit = BODY_LIMIT_BYTES): Middleware {
  return (req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge(res, limit);
    if (req.method !== 'POST' || !req.url?.startsWith(MATCHMAKE)) return next();
    readCapped(req, limit).then(
      (text) => {
        if (text === undefined) return tooLarge(res, limit);
        Object.assign(req, { body: text });
        next();
      },
      (err: unknown) => next(err),
    );
  };
}

/** The body as text, or undefined as soon as it passes `limit` (then reading stops). */
function readCapped(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        return resolve(undefined);
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
