import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../../server/edge/headers.ts';
import { matchInfo } from '../../client/support/match.ts';

/** The headers `step` sets on one request with these request headers. */
function headersFor(step: ReturnType<typeof securityHeaders>, requestHeaders: Record<string, string>) {
  const req = new IncomingMessage(new Socket());
  req.headers = requestHeaders;
  const res = new ServerResponse(req);
  res.setHeader('X-Powered-By', 'Express');
  let passed = false;
  step(req, res, (err) => {
    passed = err === undefined;
  });
  expect(passed).toBe(true);
  return res.getHeaders();
}

describe('security headers', () => {
  const cdn = { ...matchInfo, sources: matchInfo.sources.map((s) => ({ ...s, src: `https://cdn.example.com/${s.id}.m3u8` })) };

  it("give each request the CSP with its own socket origin, and nothing of the previous request's", () => {
    const step = securityHeaders(cdn, { stripe: true });
    const secure = headersFor(step, { host: 'shop.example:8443', 'x-forwarded-proto': 'https' });
    expect(secure['content-security-policy']).toContain(
      "connect-src 'self' wss://shop.example:8443 blob: data: https://cdn.example.com https://api.stripe.com;",
    );
    const local = headersFor(step, { host: 'localhost:2567' });
    expect(local['content-security-policy']).toContain("connect-src 'self' ws://localhost:2567 blob:");
    expect(local['content-security-policy']).not.toContain('shop.example');
    expect(headersFor(step, { host: 'x;y' })['content-security-policy']).toContain("connect-src 'self' 'self' blob:");
    expect({ ...local, 'content-security-policy': '' }).toEqual({ ...secure, 'content-security-policy': '' });
  });

  it('set the fixed headers and drop X-Powered-By', () => {
    const headers = headersFor(securityHeaders(matchInfo), { host: 'localhost' });
    expect(headers).toMatchObject({
      'permissions-policy': expect.stringContaining('payment=()'),
      'strict-transport-security': expect.stringContaining('max-age='),
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });
});
