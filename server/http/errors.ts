import type { ErrorRequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ErrorCode } from '../../shared/protocol.ts';
import type { ApiError } from '../../shared/api.ts';
import { DomainError } from '../domain/errors.ts';
import type { Log } from '../ops/logger.ts';

/** HTTP status for each shared error code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_message: 400,
  unknown_message: 400,
  unauthorized: 401,
  payment_declined: 402,
  forbidden: 403,
  not_found: 404,
  out_of_stock: 409,
  cart_changed: 409,
  cart_empty: 409,
  in_stock: 409,
  idempotency_conflict: 422,
  idempotency_in_progress: 409,
  payment_expired: 410,
  unavailable: 503,
  chat_rejected: 400,
  group_buy_rejected: 409,
  order_not_paid: 409,
  event_conflict: 409,
  refund_window_closed: 409,
  payment_unavailable: 503,
  raffle_not_open: 409,
  raffle_already_entered: 409,
  raffle_out_of_order: 409,
  drop_rejected: 409,
  offer_rejected: 409,
  phase_not_forward: 409,
  qna_rejected: 409,
  rate_limited: 429,
  stage_voice_closed: 409,
  stage_full: 409,
  internal: 500,
};

/** Sends `{ error: { code, message, ...details } }` with the code's status. */
export function sendError(res: Response, code: ErrorCode, message: string, details?: Record<string, unknown>): void {
  const body: ApiError = { error: { code, message, ...details } };
  res.status(HTTP_STATUS[code]).json(body);
}

/** Parses a request body with a shared schema; a mismatch is `bad_request` naming the fields. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new DomainError(ErrorCode.badRequest, `invalid request body: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`)
    .join('; ');
}

/** Last middleware: every failure becomes a JSON error; nothing escapes as an HTML page or a crash. */
export function errorHandler(log: Log): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof DomainError) {
      if (err.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      return sendError(res, err.code, err.message, err.details);
    }
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.parse.failed') return sendError(res, ErrorCode.badRequest, 'request body is not valid JSON');
    if (e.type === 'entity.too.large')
      return void res
        .status(413)
        .json({ error: { code: ErrorCode.badRequest, message: 'request body is too large' } } satisfies ApiError);
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return sendError(res, ErrorCode.badRequest, e.message ?? 'bad request');
    }
    log.error({ err }, 'unhandled error in HTTP handler');
    sendError(res, ErrorCode.internal, 'internal error');
  };
}
