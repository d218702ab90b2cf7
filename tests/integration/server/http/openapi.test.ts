import { Validator } from '@seriousme/openapi-schema-validator';
import type { Application } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../../shared/api.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

/** The parts of express 5's router internals the walk reads (not in @types/express). */
interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: unknown;
  slash?: boolean;
}

/** Every `METHOD /path` registered on the app, nested routers included, in OpenAPI's `{param}` form. */
function registeredRoutes(app: Application): string[] {
  const routes: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) {
          for (const p of paths) routes.push(`${method.toUpperCase()} ${p.replace(/:(\w+)/g, '{$1}')}`);
        }
      } else if (layer.handle.stack) {
        // NOTE: a router mounted under a prefix would need the prefix added; none is, and this says so if one ever is.
        if (!layer.slash) throw new Error(`a router is mounted at ${String(layer.rawPath)}: teach this walk prefixes`);
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes;
}

let server: TestServer;
let document: { openapi: string; paths: Record<string, Record<string, unknown>> };
beforeAll(async () => {
  server = await startTestServer();
  const res = await server.api().get(API.openapi);
  expect(res.status).toBe(200);
  document = res.body as typeof document;
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('lists every route registered on the express app', async () => {
    const app = await server.app.server.transport.getExpressApp?.();
    if (!app) throw new Error('the transport has no express app');
    const routes = registeredRoutes(app);
    // The walk must see the routers at all, or an empty list would pass.
    expect(routes).toEqual(expect.arrayContaining([`POST ${API.session}`, `GET ${API.health}`, `GET ${API.openapi}`]));
    const documented = Object.entries(document.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('describes bodies, the visitor token, Idempotency-Key and the error body', () => {
    const order = document.paths[API.orders]?.post as {
      security: unknown[];
      parameters: { in: string; name: string; required: boolean }[];
      requestBody: { content: Record<string, unknown> };
      responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }>;
    };
    expect(order.security).toEqual([{ visitorToken: [] }]);
    expect(order.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'Idempotency-Key', required: true }));
    expect(Object.keys(order.requestBody.content)).toEqual(['application/json']);
    expect(Object.keys(order.responses).sort()).toEqual([
      '201',
      '202',
      '400',
      '401',
      '402',
      '404',
      '409',
      '410',
      '422',
      '429',
      '500',
      '503',
    ]);
    expect(Object.keys(order.responses['409']!.content['application/json']!.schema.properties)).toEqual(['error']);
    expect(document.paths[API.metrics]?.get).toMatchObject({ responses: { '200': { content: { 'text/plain': {} } } } });
  });
});
