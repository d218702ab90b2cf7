import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogResponse, Order, SessionResponse } from '../../../../shared/api.ts';
import { MatchInfo } from '../../../../shared/match.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { testDatabaseKind } from '../../support/postgresDatabase.ts';
import { fillCart } from '../../support/checkout.ts';

const shoe = { productId: 'court-runner-2', colourwayId: 'white', size: '43' };
const orderBody = (cartVersion = 1) => ({
  currency: 'USD',
  cartVersion,
  payment: { method: 'card', paymentMethod: 'pm_card_visa' },
});

const profile = { name: 'Host', color: '#ffcc00', locale: 'en', currency: 'USD' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { sessionRatePerMinute: 1000 } });
});
afterAll(async () => {
  await server?.close();
});

describe('store API', () => {
  it('reports health and which database it uses', async () => {
    const res = await server.api().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: testDatabaseKind });
  });

  it('says how to build the client when dist/ is missing', async () => {
    const res = await server.api().get('/');
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
  });

  it('serves the built client with sensible caching when dist/ exists', async () => {
    const dist = path.join(server.dataDir, 'no-dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Courtside</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    const index = await server.api().get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Courtside</title>');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = await server.api().get('/assets/app-abc123.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    fs.rmSync(dist, { recursive: true });
  });

  it("sends the build's brotli or gzip copy of a file to a browser that accepts it, and the plain file otherwise", async () => {
    const dist = path.join(server.dataDir, 'no-dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    const js = 'console.log("a file the build compressed");\n'.repeat(50);
    fs.writeFileSync(path.join(dist, 'assets', 'big-abc123.js'), js);
    fs.writeFileSync(path.join(dist, 'assets', 'big-abc123.js.br'), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(dist, 'assets', 'big-abc123.js.gz'), zlib.gzipSync(js));
    const url = `${server.baseUrl}/assets/big-abc123.js`;
    const raw = async (encoding: string) => {
      const res = await fetch(url, { headers: { 'accept-encoding': encoding } });
      return { res, body: Buffer.from(await res.arrayBuffer()) };
    };
    // NOTE: fetch decodes a compressed body itself, so the compressed answers are told by their headers.
    const br = await raw('gzip, deflate, br');
    expect(br.res.headers.get('content-encoding')).toBe('br');
    expect(br.res.headers.get('content-type')).toContain('javascript');
    expect(br.res.headers.get('cache-control')).toContain('immutable');
    expect(br.res.headers.get('vary')).toContain('Accept-Encoding');
    const gz = await raw('gzip');
    expect(gz.res.headers.get('content-encoding')).toBe('gzip');
    const plain = await raw('identity');
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.body.toString()).toBe(js);
    fs.rmSync(dist, { recursive: true });
  });

  it('issues a visitor token and keeps the visitor id when the profile changes', async () => {
    const first = await server.api().post('/api/session', { name: 'Mei', color: '#aa00aa', locale: 'zh-CN', currency: 'CNY' });
    expect(first.status).toBe(201);
    const session = SessionResponse.parse(first.body);
    expect(session.visitor).toMatchObject({ name: 'Mei', role: 'visitor', locale: 'zh-CN', currency: 'CNY' });
    expect(session.visitor.id).toMatch(/^v_/);

    const again = await server
      .api(session.token)
      .post('/api/session', { name: 'Mei Mei', color: '#00aaaa', locale: 'en', currency: 'EUR' });
    expect(again.status).toBe(200);
    expect(again.body.visitor).toMatchObject({ id: session.visitor.id, name: 'Mei Mei', currency: 'EUR' });

    const forged = await server
      .api('x.y.z')
      .post('/api/session', { name: 'Eve', color: '#000000', locale: 'en', currency: 'USD' });
    expect(forged.status).toBe(201);
    expect(forged.body.visitor.id).not.toBe(session.visitor.id);
  });

  it('rejects invalid session bodies', async () => {
    for (const body of [
      {},
      { name: '', color: '#aa00aa', locale: 'en', currency: 'USD' },
      { name: '<script>', color: '#aa00aa', locale: 'en', currency: 'USD' },
      { name: 'A', color: 'red', locale: 'en', currency: 'USD' },
      { name: 'A', color: '#aa00aa', locale: 'fr', currency: 'USD' },
      { name: 'A', color: '#aa00aa', locale: 'en', currency: 'GBP' },
      { name: 'A', color: '#aa00aa', locale: 'en', currency: 'USD', role: 'host' },
    ]) {
      const res = await server.api().post('/api/session', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
  });

  it('refuses an admin token when the server has none configured', async () => {
    const res = await server.api().post('/api/session', { ...profile, adminToken: 'anything' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('no venue admin token') } });
  });

  it('serves the match configuration with its timeline, cacheable for a minute', async () => {
    const res = await server.api().get('/api/match');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const match = MatchInfo.parse(res.body);
    expect(match.sources.map((s) => s.id)).toEqual(['courtside', 'baseline', 'high']);
    expect(match.timeline.moments[0]).toMatchObject({ productId: 'court-runner-2', colourwayId: 'red' });
  });

  it('answers malformed JSON with 400 bad_request', async () => {
    const v = await server.visitor();
    const res = await server.api(v.token).raw('POST', '/api/orders', '{"currency": "USD", lines: [');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    const session = await server.api().raw('POST', '/api/session', 'not json');
    expect(session.status).toBe(400);
  });

  it('serves the catalog with live stock', async () => {
    const res = await server.api().get('/api/catalog');
    expect(res.status).toBe(200);
    const body = CatalogResponse.parse(res.body);
    expect(body.catalog.products.length).toBeGreaterThanOrEqual(16);
    expect(body.stock['court-runner-2:red:42']).toBe(3);
    expect(body.stock['court-runner-2:red:40']).toBe(25);
  });

  it('requires a token for carts and orders', async () => {
    for (const res of [
      await server.api().get('/api/cart'),
      await server.api().get('/api/orders'),
      await server.api('garbage').order(orderBody(), 'no-token-0001'),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('keeps a cart per visitor with quantity caps and known SKUs only', async () => {
    const v = await server.visitor();
    const api = server.api(v.token);
    expect((await api.get('/api/cart')).body).toEqual({ lines: [], version: 0 });
    const set = await api.put('/api/cart/lines', { ...shoe, quantity: 3 });
    expect(set.body).toEqual({ lines: [{ ...shoe, quantity: 3 }], version: 1 });
    expect((await api.put('/api/cart/lines', { ...shoe, quantity: 11 })).status).toBe(400);
    expect((await api.put('/api/cart/lines', { ...shoe, size: '99', quantity: 1 })).status).toBe(404);
    expect((await api.put('/api/cart/lines', { ...shoe, quantity: 1, price: 1 })).status).toBe(400);
    expect((await api.get('/api/cart')).body.lines).toEqual([{ ...shoe, quantity: 3 }]);
    const removed = await api.put('/api/cart/lines', { ...shoe, quantity: 0 });
    expect(removed.body.lines).toEqual([]);
    await api.put('/api/cart/lines', { ...shoe, quantity: 2 });
    expect((await api.delete('/api/cart')).body.lines).toEqual([]);
    const other = await server.visitor();
    expect((await server.api(other.token).get('/api/cart')).body.lines).toEqual([]);
  });

  it('never takes a price from the client', async () => {
    const v = await server.visitor();
    const api = server.api(v.token);
    const cartVersion = await fillCart(api, [{ ...shoe, quantity: 1 }]);
    const withLines = await api.order({ ...orderBody(cartVersion), lines: [{ ...shoe, quantity: 1 }] }, 'price-hack-0001');
    expect(withLines.status).toBe(400);
    const withTotal = await api.order({ ...orderBody(cartVersion), total: 1 }, 'price-hack-0002');
    expect(withTotal.status).toBe(400);
    const ok = await api.order(orderBody(cartVersion), 'price-hack-0003');
    expect(ok.status).toBe(201);
    expect(Order.parse(ok.body)).toMatchObject({
      status: 'paid',
      total: 12900,
      lines: [{ ...shoe, unitPrice: 12900, lineTotal: 12900 }],
    });
  });

  it('requires an Idempotency-Key on orders', async () => {
    const v = await server.visitor();
    const res = await server.api(v.token).post('/api/orders', orderBody());
    expect(res.status).toBe(400);
    expect((await server.api(v.token).order(orderBody(), 'short')).status).toBe(400);
  });

  it('shows visitors only their own orders, newest first', async () => {
    const alice = await server.visitor('Alice');
    const mallory = await server.visitor('Mallory');
    const alices = server.api(alice.token);
    const first = await alices.order(orderBody(await fillCart(alices, [{ ...shoe, quantity: 1 }])), 'alice-order-1');
    const second = await alices.order(orderBody(await fillCart(alices, [{ ...shoe, quantity: 1 }])), 'alice-order-2');
    const list = await server.api(alice.token).get('/api/orders');
    expect(list.body.orders.map((o: Order) => o.id)).toEqual([second.body.id, first.body.id]);

    const own = await server.api(alice.token).get(`/api/orders/${first.body.id}`);
    expect(own.status).toBe(200);
    // NOTE: the order page adds the payment and the refund window to the order (checkoutRoutes.test.ts checks them).
    expect(own.body).toMatchObject(first.body);
    const stolen = await server.api(mallory.token).get(`/api/orders/${first.body.id}`);
    expect(stolen.status).toBe(404);
    expect(stolen.body.error.code).toBe('not_found');
    expect((await server.api(mallory.token).get('/api/orders')).body.orders).toEqual([]);
  });

  it('answers unknown API routes with JSON 404', async () => {
    const res = await server.api().get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('venue host sessions', () => {
  const adminToken = 'the-venue-admin-token';
  let hostServer: TestServer;
  beforeAll(async () => {
    hostServer = await startTestServer({ config: { adminToken, sessionRatePerMinute: 1000 } });
  });
  afterAll(async () => {
    await hostServer?.close();
  });

  it('makes a session that presents the admin token a host', async () => {
    const res = await hostServer.api().post('/api/session', { ...profile, adminToken });
    expect(res.status).toBe(201);
    const session = SessionResponse.parse(res.body);
    expect(session.visitor.role).toBe('host');
    expect(await hostServer.app.ctx.tokens.verify(session.token)).toMatchObject({ id: session.visitor.id, role: 'host' });
  });

  it('refuses a wrong admin token with 403 and issues nothing', async () => {
    for (const wrong of ['the-venue-admin-tokeN', 'x', `${adminToken}-and-more`]) {
      const res = await hostServer.api().post('/api/session', { ...profile, adminToken: wrong });
      expect(res.status, wrong).toBe(403);
      expect(res.body).toEqual({ error: { code: 'forbidden', message: 'wrong venue admin token' } });
    }
  });

  it('keeps an ordinary session a visitor', async () => {
    const res = await hostServer.api().post('/api/session', profile);
    expect(SessionResponse.parse(res.body).visitor.role).toBe('visitor');
  });
});
