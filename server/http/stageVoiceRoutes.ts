import type { RequestHandler, Router } from 'express';
import { API } from '../../shared/api.ts';
import { mayHostEvent } from '../../shared/eventHosts.ts';
import { eventPhase } from '../../shared/events.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { STAGE_VOICE_PHASES, type StageVoiceGrant } from '../../shared/stageVoice.ts';
import type { AppContext } from '../context.ts';
import type { StageMedia } from '../features/stageVoice/stageMedia.ts';
import { visitorOf } from './auth.ts';
import { sendError } from './errors.ts';

/** What the stage voice route needs besides the app: its guards and the media server (null: none configured). */
export interface StageVoiceRouteDeps {
  visitor: RequestHandler;
  perVisitor: RequestHandler;
  media: StageMedia | null;
}

/**
 * `GET /api/events/:id/stage-voice` (shared/stageVoice.ts): the event's host gets a publish grant
 * (the AudioBridge room and its pin), every other visitor a listen grant (the Streaming mountpoint
 * only). Outside countdown, reveal and live it is refused; without a media server it grants the direct
 * stage (the host's browser sends to each listener, at most `STAGE_DIRECT_LISTENERS`; see directStage.ts).
 */
export function stageVoiceRoutes(router: Router, ctx: AppContext, { visitor, perVisitor, media }: StageVoiceRouteDeps): void {
  router.get(`${API.events}/:id/stage-voice`, visitor, perVisitor, async (req, res) => {
    const eventId = String(req.params.id);
    const found = ctx.venue.events.find(eventId);
    if (!found) return sendError(res, ErrorCode.notFound, 'no such event');
    const phase = eventPhase(found.event, ctx.checkout.now());
    if (!STAGE_VOICE_PHASES.includes(phase)) {
      return sendError(res, ErrorCode.stageVoiceClosed, `the stage is silent while the event is ${phase}`);
    }
    if (!media) {
      const role = mayHostEvent(visitorOf(res), eventId) ? 'host' : 'listener';
      return res.json({ mode: 'direct', role, maxListeners: ctx.config.stageDirectListeners } satisfies StageVoiceGrant);
    }
    let stage: Awaited<ReturnType<StageMedia['ensure']>>;
    try {
      stage = await media.ensure(eventId);
    } catch (err) {
      ctx.log.warn({ err, eventId }, 'stage media server did not answer');
      return sendError(res, ErrorCode.unavailable, 'the stage media server does not answer');
    }
    const grant: StageVoiceGrant = mayHostEvent(visitorOf(res), eventId)
      ? { mode: 'janus', role: 'host', server: media.server, ...stage }
      : { mode: 'janus', role: 'listener', server: media.server, mountpoint: stage.mountpoint };
    res.json(grant);
  });
}
