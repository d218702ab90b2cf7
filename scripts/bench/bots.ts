import { Client, type Room } from '@colyseus/sdk';
import { API } from '../../shared/api.ts';
import { MSG } from '../../shared/protocol.ts';
import { POSE_INTERVAL_MS, quantizePose } from '../../shared/pose.ts';

/** A crowd of scripted visitors: real sessions, real room joins, poses at the fixed 20 Hz rate. */
export interface Bots {
  rooms: Room[];
  stop(): Promise<void>;
}

const COLORS = ['#e4572e', '#29335c', '#f3a712', '#669bbc', '#a8c686', '#c1121f', '#7b2cbf', '#ffffff'];

/**
 * Starts `count` bots against the store at `baseUrl` (http://host:port; the SDK turns it into ws://)
 * each walking its own circle. The server must let one IP open `count` sessions a minute and put
 * everyone in one room: the defaults (60 sessions/min, 100 per room) do not, see render.ts.
 */
export async function startBots(baseUrl: string, count: number): Promise<Bots> {
  const rooms: Room[] = [];
  const client = new Client(baseUrl);
  for (let i = 0; i < count; i++) {
    const res = await fetch(baseUrl + API.session, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Bot ${i + 1}`, color: COLORS[i % COLORS.length], locale: 'en', currency: 'USD' }),
    });
    if (!res.ok) throw new Error(`bot session failed: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    rooms.push(await client.joinOrCreate('arena', { token }));
  }
  const start = performance.now();
  const timer = setInterval(() => {
    const t = (performance.now() - start) / 1000;
    rooms.forEach((room, i) => {
      const ring = 4 + (i % 5) * 1.6;
      const a = t * 0.3 + (i * Math.PI * 2) / count;
      const pose = { x: Math.cos(a) * ring * 1.6, y: 1.65, z: Math.sin(a) * ring, yaw: -a, pitch: 0 };
      room.send(MSG.pose, quantizePose(pose));
    });
  }, POSE_INTERVAL_MS);
  return {
    rooms,
    async stop() {
      clearInterval(timer);
      await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
    },
  };
}
