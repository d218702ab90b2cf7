import { Client, type Room } from '@colyseus/sdk';
import { API } from '../../../shared/api.ts';
import { MSG } from '../../../shared/protocol.ts';
import { type HandPose, POSE_INTERVAL_MS, quantizeHand, quantizePose } from '../../../shared/pose.ts';
import { REACTIONS } from '../../../shared/together.ts';

/** How the crowd behaves: the share wearing a headset (head and both hands), and how much it talks. */
export interface CrowdOptions {
  headsetShare: number;
  /** Reactions each visitor sends a second (the server allows 2). */
  reactionsPerSecond: number;
  /** Share of visitors who chat, each a message every `chatEveryMs` (arena and nearby in turn). */
  chatShare: number;
  chatEveryMs: number;
  /** How many visitors record pose latency (others' poses arriving); every visitor counts bytes and patches. */
  observers: number;
}

/** One scripted visitor and what reached its socket. */
interface Visitor {
  room: Room;
  headset: boolean;
  bytes: number;
  patches: number;
}

const COLORS = ['#e4572e', '#29335c', '#f3a712', '#669bbc', '#a8c686', '#c1121f', '#7b2cbf', '#ffffff'];
const now = () => performance.timeOrigin + performance.now();

/** A pose message's head and hands for visitor `i` of `count` at `t` seconds: walking laps of the floor. */
function poseOf(i: number, count: number, t: number, headset: boolean) {
  // NOTE: laps of different sizes spread the crowd over the floor, so some are near each other and some far.
  const ring = 3 + (i % 7) * 2.8;
  const a = t * (0.25 + (i % 3) * 0.05) + (i * Math.PI * 2) / count;
  const head = quantizePose({ x: Math.cos(a) * ring * 1.3, y: 1.65, z: Math.sin(a) * ring * 0.9, yaw: -a, pitch: 0 });
  if (!headset) return head;
  const hand = (side: number): HandPose => ({
    x: head.x / 100 + Math.cos(a + side) * 0.4,
    y: 1.1 + Math.sin(t * 3 + i + side) * 0.2,
    z: head.z / 100 + Math.sin(a + side) * 0.4,
    qx: 0,
    qy: Math.sin(t + side),
    qz: 0,
    qw: Math.cos(t + side),
  });
  return { ...head, left: quantizeHand(hand(-1), head), right: quantizeHand(hand(1), head) };
}

async function join(baseUrl: string, client: Client, i: number): Promise<Room> {
  const res = await fetch(baseUrl + API.session, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Fan ${i + 1}`, color: COLORS[i % COLORS.length], locale: 'en', currency: 'USD' }),
  });
  if (!res.ok) throw new Error(`visitor session failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return client.joinOrCreate('arena', { token });
}

/**
 * Starts `count` visitors against `baseUrl`: real sessions and joins, poses at 20 Hz (a share with
 * head and hands), reactions and chat. Every visitor counts the bytes and patches its socket receives;
 * `observers` of them also time others' poses from send to arrival (one process, one clock).
 */
export async function startCrowd(baseUrl: string, count: number, options: CrowdOptions) {
  const client = new Client(baseUrl);
  const visitors: Visitor[] = [];
  /** Per sender session: pose "x,z" → when it was sent (the last second's worth). */
  const sent = new Map<string, Map<string, number>>();
  const latencies: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const room = await join(baseUrl, client, i);
    const v: Visitor = { room, headset: i < Math.round(count * options.headsetShare), bytes: 0, patches: 0 };
    const ws = (room.connection.transport as unknown as { ws: WebSocket }).ws;
    ws.addEventListener('message', (e: MessageEvent) => {
      v.bytes += (e.data as ArrayBuffer).byteLength ?? 0;
    });
    room.onStateChange(() => {
      v.patches++;
    });
    // Chat, reactions and the rest are counted in bytes, not read.
    room.onMessage('*', () => undefined);
    if (i < options.observers) observe(room, sent, latencies);
    visitors.push(v);
  }
  const start = performance.now();
  let tick = 0;
  const poseTimer = setInterval(() => {
    const t = (performance.now() - start) / 1000;
    tick++;
    visitors.forEach((v, i) => {
      const pose = poseOf(i, count, t, v.headset);
      const mine = sent.get(v.room.sessionId) ?? new Map<string, number>();
      sent.set(v.room.sessionId, mine);
      mine.set(`${pose.x},${pose.z}`, now());
      if (mine.size > 40) mine.delete(mine.keys().next().value as string);
      v.room.send(MSG.pose, pose);
      // Spread reactions and chat over the ticks rather than all at once.
      const perTick = options.reactionsPerSecond / (1000 / POSE_INTERVAL_MS);
      if (perTick > 0 && (tick + i) % Math.max(1, Math.round(1 / perTick)) === 0) {
        v.room.send(MSG.reaction, { emoji: REACTIONS[(tick + i) % REACTIONS.length]! });
      }
      const chatTicks = Math.round(options.chatEveryMs / POSE_INTERVAL_MS);
      if (i < count * options.chatShare && (tick + i * 7) % chatTicks === 0) {
        v.room.send(MSG.chat, { channel: tick % 2 ? 'nearby' : 'arena', text: `go team ${tick}` });
      }
    });
  }, POSE_INTERVAL_MS);
  return {
    visitors,
    latencies,
    async stop() {
      clearInterval(poseTimer);
      await Promise.all(visitors.map((v) => v.room.leave().catch(() => undefined)));
    },
  };
}

type PlayerView = { x?: number; z?: number };

/** Times every other visitor's fine pose from its send to its arrival at this one. */
function observe(room: Room, sent: Map<string, Map<string, number>>, latencies: Array<[number, number]>) {
  room.onStateChange((state) => {
    const at = now();
    const players = (state as { players: Map<string, PlayerView> }).players;
    players.forEach((p, id) => {
      if (id === room.sessionId || p.x === undefined) return;
      const key = `${p.x},${p.z}`;
      const mine = sent.get(id);
      const sentAt = mine?.get(key);
      if (sentAt === undefined) return;
      // NOTE: each arrival counts once per observer; the key is then forgotten for this observer only.
      const seen = seenBy(room);
      if (seen.has(`${id}:${key}`)) return;
      seen.add(`${id}:${key}`);
      latencies.push([at, at - sentAt]);
    });
  });
}

const seenSets = new WeakMap<Room, Set<string>>();
function seenBy(room: Room): Set<string> {
  let set = seenSets.get(room);
  if (!set || set.size > 20_000) {
    set = new Set();
    seenSets.set(room, set);
  }
  return set;
}
