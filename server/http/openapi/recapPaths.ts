import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { EventRecap } from '../../../shared/recap.ts';
import { errors, json } from './responses.ts';

/** An event's recap (shared/recap.ts). */
export const recapPaths: ZodOpenApiPathsObject = {
  [`${API.events}/{id}/recap`]: {
    get: {
      summary: "What happened at a launch: the reveal's and live sale's times, how the drop went, the raffle's proof",
      description:
        'Answers at any phase with what has happened so far; the events page shows it once the event has ended. ' +
        '`drop.soldOutAfterMs` is from the draw to the last drawn unit paid.',
      requestParams: { path: z.object({ id: z.string() }) },
      responses: { '200': json('the recap', EventRecap), ...errors(ErrorCode.notFound) },
    },
  },
};
