import { z } from 'zod';
import type { EventPhase } from './events.ts';

/** The phases in which the host may speak on stage and visitors hear them. */
export const STAGE_VOICE_PHASES: readonly EventPhase[] = ['countdown', 'reveal', 'live'];

/**
 * `GET /api/events/:id/stage-voice`: what the page needs to take part in the event's stage voice.
 * - `janus`, role `host`: publish the microphone into the AudioBridge `room` with its `pin`;
 * - `janus`, role `listener`: watch the Streaming `mountpoint` (receive only: it cannot carry audio
 *   back, and the listener never learns the room's pin);
 * - `none`: no media server is configured (`STAGE_MEDIA_URL` unset): the page says so.
 */
export const StageVoiceGrant = z.union([
  z.strictObject({
    mode: z.literal('janus'),
    role: z.literal('host'),
    /** The Janus HTTP API the page talks to. */
    server: z.url(),
    room: z.number().int().positive(),
    pin: z.string().min(1),
    mountpoint: z.number().int().positive(),
  }),
  z.strictObject({
    mode: z.literal('janus'),
    role: z.literal('listener'),
    server: z.url(),
    mountpoint: z.number().int().positive(),
  }),
  z.strictObject({ mode: z.literal('none') }),
]);
export type StageVoiceGrant = z.infer<typeof StageVoiceGrant>;
