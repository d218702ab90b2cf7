import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../server/ops/logger.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

type Line = Record<string, unknown> & { msg?: string; level?: number; req?: { id?: string; headers?: Record<string, string> } };

/** A logger writing into an array of parsed JSON lines (the same pino logger the server makes). */
function capture() {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logs', () => {
  const { lines, logger } = capture();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ logger });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('writes one JSON line per request with its id, keeping an incoming X-Request-Id and echoing it', async () => {
    const res = await fetch(`${server.baseUrl}/api/catalog`, {
      headers: { 'x-request-id': 'probe-42', authorization: 'Bearer secret' },
    });
    expect(res.headers.get('x-request-id')).toBe('probe-42');
    await until(() => lines.some((l) => l.req?.id === 'probe-42'), 'the request line');
    const line = lines.find((l) => l.req?.id === 'probe-42');
    expect(line).toMatchObject({ msg: 'request completed', res: { statusCode: 200 } });
    expect(JSON.stringify(line)).not.toContain('Bearer secret');

    const fresh = await fetch(`${server.baseUrl}/api/match`, { headers: { 'x-request-id': 'not an id!' } });
    const id = fresh.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => lines.some((l) => l.req?.id === id), 'the second request line');
  });

  it('logs an oversized WebSocket frame from a stranger as one line, no stack trace', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/`);
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = reject;
    });
    socket.send(new Uint8Array(64 * 1024));
    await until(() => lines.some((l) => l.msg?.includes('Max payload size exceeded')), 'the frame line');
    const said = lines.filter((l) => l.msg?.includes('Max payload size exceeded'));
    expect(said).toHaveLength(1);
    expect(JSON.stringify(said[0])).not.toMatch(/\n\s+at /);
    expect(lines.some((l) => JSON.stringify(l).includes('    at '))).toBe(false);
  });
});
