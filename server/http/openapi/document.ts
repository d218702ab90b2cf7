import { createDocument, type ZodOpenApiObject } from 'zod-openapi';
import { checkoutPaths } from './checkoutPaths.ts';
import { demoPayPaths } from './demoPayPaths.ts';
import { eventPaths } from './eventPaths.ts';
import { dropPaths } from './dropPaths.ts';
import { offerPaths } from './offerPaths.ts';
import { hostPaths } from './hostPaths.ts';
import { operationsPaths } from './operationsPaths.ts';
import { rafflePaths } from './rafflePaths.ts';
import { recapPaths } from './recapPaths.ts';
import { stageVoicePaths } from './stageVoicePaths.ts';
import { METRICS_TOKEN, VISITOR_TOKEN } from './responses.ts';
import { storePaths } from './storePaths.ts';
import { togetherPaths } from './togetherPaths.ts';

/** The OpenAPI document as JSON-ready data (see {@link openApiDocument}). */
export type OpenApiDocument = ReturnType<typeof createDocument>;

const description: ZodOpenApiObject = {
  openapi: '3.1.0',
  info: {
    title: 'Courtside',
    version: '1',
    description:
      'The HTTP side of Courtside, the WebXR stadium store. Bodies are the zod schemas in shared/api.ts and its ' +
      'neighbours; every error is `{ "error": { "code", "message" } }`. The room server (`arena`, Colyseus) is not ' +
      'HTTP and is described in shared/protocol.ts.',
  },
  components: {
    securitySchemes: {
      [VISITOR_TOKEN]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'the token from POST /api/session' },
      [METRICS_TOKEN]: { type: 'http', scheme: 'bearer', description: 'the METRICS_TOKEN the server was started with' },
    },
  },
  paths: {
    ...storePaths,
    ...checkoutPaths,
    ...togetherPaths,
    ...eventPaths,
    ...rafflePaths,
    ...stageVoicePaths,
    ...dropPaths,
    ...recapPaths,
    ...offerPaths,
    ...hostPaths,
    ...operationsPaths,
    ...demoPayPaths,
  },
};

let built: OpenApiDocument | undefined;

/** Every HTTP route the server serves, built once from the shared zod schemas. */
export function openApiDocument(): OpenApiDocument {
  built ??= createDocument(description);
  return built;
}
