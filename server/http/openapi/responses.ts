import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { ApiError, IDEMPOTENCY_HEADER, IdempotencyKey } from '../../../shared/api.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { HTTP_STATUS } from '../errors.ts';

/** The security scheme name of a visitor token (`POST /api/session`) sent as `Authorization: Bearer`. */
export const VISITOR_TOKEN = 'visitorToken';
/** The security scheme name of the `/metrics` token (`METRICS_TOKEN`). */
export const METRICS_TOKEN = 'metricsToken';

/** A visitor token is required (401 without a valid one). */
export const visitorOnly: ZodOpenApiOperationObject['security'] = [{ [VISITOR_TOKEN]: [] }];
/** A visitor token is read when it comes, and the route works without one. */
export const visitorOptional: ZodOpenApiOperationObject['security'] = [{}, { [VISITOR_TOKEN]: [] }];

/** The header that makes a purchase safe to retry. */
export const idempotencyHeader = z.object({
  [IDEMPOTENCY_HEADER]: IdempotencyKey.meta({
    description: 'Any 8-64 characters of A-Z a-z 0-9 _ -; a retry with the same key and body replays the first answer',
  }),
});

/** A JSON response with `schema` as its body. */
export function json(description: string, schema: z.ZodType): ZodOpenApiResponseObject {
  return { description, content: { 'application/json': { schema } } };
}

const retryAfter = z.object({
  'Retry-After': z.string().meta({
    description:
      'seconds until the same request may be tried again (rate_limited, idempotency_in_progress and unavailable send it)',
  }),
});

/** Statuses whose codes may come with a Retry-After: 429 rate_limited, 409 idempotency_in_progress, 503 unavailable. */
const RETRY_AFTER_CODES: readonly ErrorCode[] = [
  ErrorCode.rateLimited,
  ErrorCode.idempotencyInProgress,
  ErrorCode.unavailable,
  ErrorCode.paymentUnavailable,
];

/**
 * The error responses a route can give, `{ error: { code, message } }`, one per HTTP status with the
 * codes that status carries there (server/http/errors.ts `HTTP_STATUS` maps codes to statuses).
 * Every route may also fail with 500 `internal`.
 */
export function errors(...codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...codes, ErrorCode.internal]) {
    const status = HTTP_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, list] of byStatus) {
    const schema = ApiError.extend({ error: ApiError.shape.error.extend({ code: z.enum(list) }) });
    const response = json(`error: ${list.join(' or ')}`, schema);
    if (list.some((code) => RETRY_AFTER_CODES.includes(code))) response.headers = retryAfter;
    responses[`${status}` as `${4 | 5}${string}`] = response;
  }
  return responses;
}
