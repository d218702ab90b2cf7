import type { z } from 'zod';
import { ApiError } from '../../shared/api.ts';

/** An HTTP call that failed: the server's `{ error: { code, message } }`, or `network` when no answer came. */
export class ApiRequestError extends Error {
  readonly code: string;
  readonly status: number;
  /** The parsed response body, for errors that carry more (a declined payment includes its order). */
  readonly body: unknown;
  /** How long the server asked the client to wait before sending the same request again (`Retry-After`), if it said. */
  readonly retryAfterMs: number | null;
  constructor(code: string, message: string, status: number, body: unknown = null, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = code;
    this.status = status;
    this.body = body;
    this.retryAfterMs = retryAfterMs;
  }
}

/** A `Retry-After` header in ms: delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
}

/**
 * Calls the store API (or the demo payment provider's, on the same origin) and validates the answer
 * with a shared zod schema, so the rest of the client only ever holds data of the contract's shape.
 * Throws `ApiRequestError` for every failure.
 */
export async function requestJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    throw new ApiRequestError('network', err instanceof Error ? err.message : String(err), 0);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // NOTE: a proxy's HTML error page is not JSON; the status code below still tells what happened.
  }
  if (!response.ok) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    const parsed = ApiError.safeParse(json);
    if (parsed.success)
      throw new ApiRequestError(parsed.data.error.code, parsed.data.error.message, response.status, json, retryAfterMs);
    throw new ApiRequestError(
      response.status >= 500 ? 'internal' : 'bad_request',
      `HTTP ${response.status}`,
      response.status,
      json,
      retryAfterMs,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiRequestError('bad_response', `unexpected response from ${path}`, response.status, json);
  return parsed.data;
}

/** True for failures worth retrying with the same request (no answer, or the server fell over). */
export function isTransient(err: unknown): boolean {
  return err instanceof ApiRequestError && (err.code === 'network' || err.status >= 500);
}
