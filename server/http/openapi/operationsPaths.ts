import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { errors, json, METRICS_TOKEN } from './responses.ts';

const text = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });

/** What an operator, a crawler of this description or the browser asks for beside the store API. */
export const operationsPaths: ZodOpenApiPathsObject = {
  [API.health]: {
    get: {
      summary: 'Liveness: the process answers and the database takes a query',
      responses: {
        '200': json('healthy', z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']) })),
        ...errors(),
      },
    },
  },
  [API.metrics]: {
    get: {
      summary: 'Prometheus metrics',
      description: 'Needs `Authorization: Bearer` with `METRICS_TOKEN` when the server has one set; open otherwise.',
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
