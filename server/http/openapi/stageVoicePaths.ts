import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { API } from '../../../shared/api.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { StageVoiceGrant } from '../../../shared/stageVoice.ts';
import { errors, json, visitorOnly } from './responses.ts';

const { notFound, rateLimited, stageVoiceClosed, unauthorized, unavailable } = ErrorCode;

/** An event's stage voice (shared/stageVoice.ts): the host's publish grant, everyone else's listen grant. */
export const stageVoicePaths: ZodOpenApiPathsObject = {
  [`${API.events}/{id}/stage-voice`]: {
    get: {
      summary: "The event's stage voice: a publish grant for its host, a listen grant for every other visitor",
      description:
        'With `STAGE_MEDIA_URL` (Janus): the host gets the AudioBridge room and its pin; a visitor gets only the Streaming ' +
        "mountpoint, which cannot carry audio back. Without it: `{ mode: 'direct', role, maxListeners }`: the host's browser sends to at most " +
        '`STAGE_DIRECT_LISTENERS` listeners, signalled through the room (`stageSignal`). Only in countdown, reveal and live.',
      security: visitorOnly,
      requestParams: { path: z.object({ id: z.string() }) },
      responses: {
        '200': json('the grant', StageVoiceGrant),
        ...errors(unauthorized, notFound, stageVoiceClosed, rateLimited, unavailable),
      },
    },
  },
};
