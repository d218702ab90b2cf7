import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogLevel } from '../../../../server/config.ts';
import { createLogger, requestLogger } from '../../../../server/ops/logger.ts';
import { until } from '../../support/until.ts';

type Line = Record<string, unknown> & {
  msg?: string;
  req?: { id?: string; remotePort?: number; headers?: Record<string, string> };
  err?: { stack?: string };
};

/** A bare HTTP server behind the request logger at `level`: /boom answers 500, /teapot 418, the rest 200. */
async function serverAt(level: LogLevel) {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const log = requestLogger(createLogger(level, stream));
  const server = http.createServer((req, res) =>
    log(req, res, () => {
      res.statusCode = req.url === '/boom' ? 500 : req.url === '/teapot' ? 418 : 200;
      res.end('{}');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (path: string, id: string) =>
    fetch(base + path, { headers: { 'x-request-id': id, authorization: 'Bearer secret' } });
  return { lines, server, get };
}

/** A line without what differs between the two servers' requests (time, duration, ports, stack). */
function comparable(line: Line | undefined): Line | undefined {
  if (!line) return undefined;
  const { time: _time, responseTime: _took, ...rest } = line;
  const headers = { ...line.req?.headers, host: '' };
  return { ...rest, req: { ...line.req, remotePort: 0, headers }, err: { ...line.err, stack: '' } };
}

describe('request log lines by level', () => {
  const servers: http.Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it('below info, writes only failed requests, with the line pino-http writes at info, and always echoes the id', async () => {
    const info = await serverAt('info');
    const warn = await serverAt('warn');
    servers.push(info.server, warn.server);
    for (const at of [info, warn]) {
      expect((await at.get('/ok', 'ok-1')).headers.get('x-request-id')).toBe('ok-1');
      expect((await at.get('/teapot', 'teapot-1')).status).toBe(418);
      expect((await at.get('/boom', 'boom-1')).headers.get('x-request-id')).toBe('boom-1');
      await until(() => at.lines.some((l) => l.req?.id === 'boom-1'), 'the failed request line');
    }
    expect(info.lines.map((l) => [l.req?.id, l.msg])).toEqual([
      ['ok-1', 'request completed'],
      ['teapot-1', 'request completed'],
      ['boom-1', 'request errored'],
    ]);
    expect(warn.lines.map((l) => [l.req?.id, l.msg])).toEqual([['boom-1', 'request errored']]);
    expect(comparable(warn.lines[0])).toEqual(comparable(info.lines[2]));
    expect(JSON.stringify(warn.lines)).not.toContain('Bearer secret');
  });

  it('writes nothing when silent, and still echoes the id', async () => {
    const silent = await serverAt('silent');
    servers.push(silent.server);
    expect((await silent.get('/boom', 'boom-2')).headers.get('x-request-id')).toBe('boom-2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(silent.lines).toEqual([]);
  });
});
