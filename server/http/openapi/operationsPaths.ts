import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { LiveResponse, ReadyResponse } from '../../../shared/health.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, json, METRICS_TOKEN } from './responses.ts';

const text = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });

/** What an operator, a crawler of this description or the browser asks for beside the store API. */
export const operationsPaths: ZodOpenApiPathsObject = {
  [API.health]: {
    get: {
      summary:
        'The process answers and the database takes a query (kept for existing probes; see /health/live and /health/ready)',
      responses: {
        '200': json('healthy', z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']) })),
        ...errors(),
      },
    },
  },
  [API.live]: {
    get: {
      summary: 'Liveness: the process runs (a supervisor restarts it when this stops answering)',
      description: 'Asks nothing of the database: a slow database must not get a healthy process restarted.',
      responses: { '200': json('the process answers', LiveResponse) },
    },
  },
  [API.ready]: {
    get: {
      summary: 'Readiness: whether a proxy may send this process new visitors',
      description:
        '200 when the database takes a query (within 2 s), the venue runs and the process is not draining; 503 with the same body otherwise. ' +
        'On SIGTERM it turns 503 at once, while the process moves its visitors out and finishes checkouts already paying.',
      responses: {
        '200': json('ready', ReadyResponse),
        '503': json('not ready: the checks say why', ReadyResponse),
      },
    },
  },
  [API.metrics]: {
    get: {
      summary: 'Prometheus metrics',
      description:
        'Needs `Authorization: Bearer` with `METRICS_TOKEN` when the server has one set; open otherwise. ' +
        'Every series carries `process` (`PROCESS_NAME`, or the Colyseus process id); per-shard gauges carry `shard` (the room id).',
      security: [{}, { [METRICS_TOKEN]: [] }],
      responses: { '200': text('Prometheus text exposition format'), ...errors(ErrorCode.unauthorized) },
    },
  },
  [API.openapi]: {
    get: {
      summary: 'This description (OpenAPI 3.1)',
      responses: { '200': json('the OpenAPI document', z.looseObject({ openapi: z.string() })), ...errors() },
    },
  },
  '/': {
    get: {
      summary: 'The built browser app (index.html); hashed files under /assets are served beside it',
      responses: {
        '200': { description: 'the page', content: { 'text/html': { schema: z.string() } } },
        '503': text('the client is not built yet (run `npm run build`)'),
      },
    },
  },
};
