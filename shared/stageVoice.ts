import { z } from 'zod';
import type { EventPhase } from './events.ts';

/** The phases in which the host may speak on stage and visitors hear them. */
export const STAGE_VOICE_PHASES: readonly EventPhase[] = ['countdown', 'reveal', 'live'];

/**
 * `GET /api/events/:id/stage-voice`: what the page needs to take part in the event's stage voice.
 * - `janus`, role `host`: publish the microphone into the AudioBridge `room` with its `pin`;
 * - `janus`, role `listener`: watch the Streaming `mountpoint` (receive only: it cannot carry audio
 *   back, and the listener never learns the room's pin);
 * - `direct`: no media server is configured (`STAGE_MEDIA_URL` unset): the host's browser sends its
 *   microphone to each listener itself, to at most `maxListeners` (`STAGE_DIRECT_LISTENERS`), signalled
 *   through the room (`MSG.stageSignal`, {@link StageSignalSend});
 * - `none`: no stage voice at all (kept for pages that meet an older server): the page says so.
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
  z.strictObject({
    mode: z.literal('direct'),
    role: z.enum(['host', 'listener']),
    maxListeners: z.number().int().positive(),
  }),
  z.strictObject({ mode: z.literal('none') }),
]);
export type StageVoiceGrant = z.infer<typeof StageVoiceGrant>;

/** Stage signals a connection may send (offers, answers, seats): a burst as the host goes on air to a full stage. */
export const STAGE_SIGNAL_RATE = { perSecond: 20, burst: 40 } as const;

const eventId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/);
const sessionId = z.string().min(1).max(64);
/** A description with its ICE candidates gathered in (no trickle): one offer and one answer per listener. */
const sdp = z.string().min(1).max(20_000);

/**
 * The direct stage's signalling, client → server (`MSG.stageSignal`). The server relays it across
 * shards (server/features/stageVoice/directStage.ts):
 * - `listen`: a listener takes a seat (refused with `stage_full` past `maxListeners`);
 * - `onAir`: the event's host starts (or stops) sending; on air, they hear of every seated listener;
 * - `offer`: the host → one seated listener (`to`: its session id), a send-only audio description;
 * - `answer`: a seated listener → the host on air;
 * - `bye`: a listener gives its seat back.
 */
export const StageSignalSend = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('listen'), eventId }),
  z.strictObject({ kind: z.literal('onAir'), eventId, on: z.boolean() }),
  z.strictObject({ kind: z.literal('offer'), eventId, to: sessionId, sdp }),
  z.strictObject({ kind: z.literal('answer'), eventId, sdp }),
  z.strictObject({ kind: z.literal('bye'), eventId }),
]);
export type StageSignalSend = z.infer<typeof StageSignalSend>;

/**
 * The direct stage's signalling, server → client, `from` the sender's session id:
 * - to the host: `listen` (a listener to send to), `answer` (its answer), `bye` (it left);
 * - to a listener: `seated` (its `listen` got a seat), `offer` (the host's), `bye` (the host went off
 *   air; the seat stays).
 */
export const StageSignalEvent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seated'), eventId, from: sessionId }),
  z.strictObject({ kind: z.literal('listen'), eventId, from: sessionId }),
  z.strictObject({ kind: z.literal('offer'), eventId, from: sessionId, sdp }),
  z.strictObject({ kind: z.literal('answer'), eventId, from: sessionId, sdp }),
  z.strictObject({ kind: z.literal('bye'), eventId, from: sessionId }),
]);
export type StageSignalEvent = z.infer<typeof StageSignalEvent>;
