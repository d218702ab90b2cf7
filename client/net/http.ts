import type { z } from 'zod';
import { ApiError } from '../../shared/api.ts';

/** An HTTP call that failed: the server's `{ error: { code, message } }`, or `network` when no answer came. */
export class ApiRequestError extends Error {
  readonly code: string;
  readonly status: number;
  /** The parsed response body, for errors that carry more (a declined payment includes its order). */
  readonly body: unknown;
  constructor(code: string, message: string, status: number, body: unknown = null) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = code;
    this.status = status;
    this.body = body;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
}

/**
 * Calls the store API and validates the answer with a shared zod schema, so the rest of the client
 * only ever holds data of the contract's shape. Throws `ApiRequestError` for every failure.
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
    const parsed = ApiError.safeParse(json);
    if (parsed.success) throw new ApiRequestError(parsed.data.error.code, parsed.data.error.message, response.status, json);
    throw new ApiRequestError(
      response.status >= 500 ? 'internal' : 'bad_request',
      `HTTP ${response.status}`,
      response.status,
      json,
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
