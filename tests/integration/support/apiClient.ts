import { IDEMPOTENCY_HEADER } from '../../../shared/api.ts';
import { CONTACT } from '../../support/contact.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text if the body was not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests probe arbitrary response shapes (errors, orders, carts, plain text); where a shape matters they parse it with the shared zod schemas.
  body: any;
}

export interface ApiClient {
  get(path: string): Promise<ApiResponse>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  put(path: string, body: unknown): Promise<ApiResponse>;
  delete(path: string): Promise<ApiResponse>;
  /**
   * POST /api/orders with an Idempotency-Key. A body object with neither `email` nor `shipping` gets
   * the test buyer's (tests/support/contact.ts: Oregon, no sales tax), so tests about something else
   * need not spell them out; send with `post` to leave them out.
   */
  order(body: unknown, idempotencyKey: string): Promise<ApiResponse>;
  /** Sends a raw string body (malformed JSON tests). */
  raw(method: string, path: string, body: string): Promise<ApiResponse>;
}

/** A tiny fetch wrapper for the store API, with the visitor's Bearer token when given. */
export function apiClient(baseUrl: string, token?: string): ApiClient {
  async function send(method: string, path: string, body?: string, extra: Record<string, string> = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...extra };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }
  return {
    get: (path) => send('GET', path),
    post: (path, body, headers) => send('POST', path, JSON.stringify(body), headers),
    put: (path, body) => send('PUT', path, JSON.stringify(body)),
    delete: (path) => send('DELETE', path),
    order: (body, key) => send('POST', '/api/orders', JSON.stringify(withContact(body)), { [IDEMPOTENCY_HEADER]: key }),
    raw: (method, path, body) => send(method, path, body),
  };
}

function withContact(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return 'email' in body || 'shipping' in body ? body : { ...body, ...CONTACT };
}
