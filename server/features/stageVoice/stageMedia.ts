import { randomBytes, randomInt } from 'node:crypto';
import { openJanusSession } from './janusHttp.ts';

/** One event's stage on the media server: the host's AudioBridge room and the listeners' mountpoint. */
export interface StageRoom {
  room: number;
  /** The room's pin: only the event's host is given it, so only they can join and publish. */
  pin: string;
  /** The Streaming mountpoint every visitor watches (receive only). */
  mountpoint: number;
}

/** The stage voice's media server (Janus), as the server uses it. */
export interface StageMedia {
  /** The Janus HTTP API the pages talk to. */
  readonly server: string;
  /** The event's stage, made on first use (room, mountpoint, and the forwarder between them). */
  ensure(eventId: string): Promise<StageRoom>;
}

const OPUS_PT = 111;
const token = () => randomBytes(18).toString('base64url');

/**
 * Makes one event's stage: a Streaming RTP mountpoint (Janus picks its port), an AudioBridge room
 * with a pin and a secret, and an RTP forwarder from the room's mix to the mountpoint.
 * NOTE: the forwarder targets 127.0.0.1 because both plugins run in the same Janus process. The room
 * mixes (so a second host or a guest can join later) and the mountpoint relays one Opus stream to
 * every listener without mixing again; a listener cannot publish into a Streaming mountpoint.
 */
async function createStage(url: string, eventId: string): Promise<StageRoom> {
  const session = await openJanusSession(url);
  try {
    const streaming = await session.attach('janus.plugin.streaming');
    const bridge = await session.attach('janus.plugin.audiobridge');
    const secret = token();
    const pin = token();
    const created = await streaming.request({
      request: 'create',
      type: 'rtp',
      name: `stage-${eventId}`,
      description: `stage voice of ${eventId}`,
      is_private: true,
      secret,
      audio: true,
      audioport: 0,
      audiopt: OPUS_PT,
      audiocodec: 'opus',
    });
    const stream = created.stream as { id: number; audio_port: number };
    const room = randomInt(1, 2 ** 31);
    await bridge.request({
      request: 'create',
      room,
      description: `stage ${eventId}`,
      is_private: true,
      secret,
      pin,
      sampling_rate: 48_000,
    });
    await bridge.request({
      request: 'rtp_forward',
      room,
      secret,
      host: '127.0.0.1',
      port: stream.audio_port,
      ptype: OPUS_PT,
      codec: 'opus',
    });
    return { room, pin, mountpoint: stream.id };
  } finally {
    await session.destroy();
  }
}

/**
 * Whether Janus still has the stage's room. NOTE: the room alone is asked: rooms and mountpoints made
 * over the API live in Janus's memory only, so a restart loses both together.
 */
async function stageAlive(url: string, stage: StageRoom): Promise<boolean> {
  const session = await openJanusSession(url);
  try {
    const bridge = await session.attach('janus.plugin.audiobridge');
    return (await bridge.request({ request: 'exists', room: stage.room })).exists === true;
  } finally {
    await session.destroy();
  }
}

interface Remembered {
  stage: Promise<StageRoom>;
  checkedAt: number;
}

/**
 * The server's stage media over Janus's HTTP API at `url`. Each event's stage is made once and
 * remembered; a failed attempt is forgotten so the next request tries again. A remembered stage is
 * checked again at most every `recheckMs`: if Janus restarted (it keeps rooms in memory only), the
 * stage is made anew, so grants never point at a room that is gone.
 */
export function createStageMedia(url: string, { recheckMs = 10_000 }: { recheckMs?: number } = {}): StageMedia {
  const stages = new Map<string, Remembered>();
  const make = (eventId: string) => {
    const stage = createStage(url, eventId);
    stages.set(eventId, { stage, checkedAt: Date.now() });
    stage.catch(() => stages.delete(eventId));
    return stage;
  };
  return {
    server: url,
    async ensure(eventId) {
      const known = stages.get(eventId);
      if (!known) return make(eventId);
      if (Date.now() - known.checkedAt < recheckMs) return known.stage;
      known.checkedAt = Date.now();
      const stage = await known.stage;
      if (await stageAlive(url, stage)) return stage;
      if (stages.get(eventId) !== known) return (stages.get(eventId) as Remembered).stage;
      return make(eventId);
    },
  };
}
