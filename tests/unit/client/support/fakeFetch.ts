import { vi } from 'vitest';

/** One request the client made: what went on the wire. */
export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined when none was sent. */
  body: unknown;
}

/** What the fake server answers: a status, a JSON body and headers. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Replaces the global `fetch` (restored by `vi.unstubAllGlobals()`): each request is recorded and
 * answered by `answer`; an answer that throws is a request that got no answer at all.
 */
export function fakeFetch(answer: (request: SentRequest, index: number) => FakeAnswer) {
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const request: SentRequest = {
      url: String(url),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    const reply = answer(request, sent.length - 1);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json', ...reply.headers },
    });
  });
  return { sent };
}
