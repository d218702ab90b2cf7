/**
 * A visitor in the arena that measures the room while the checkout bench runs beside it: every state
 * patch it receives, and how long its own pose takes to come back in one. Runs in a process of its
 * own so the buyers' load generator never delays its timers.
 *
 *   node scripts/bench/checkout/roomProbe.ts <baseUrl> <durationMs>
 * prints one JSON line: { patches: [epochMs…], poses: [[epochMs, roundTripMs]…] }.
 */
import { Client } from '@colyseus/sdk';
import { API } from '../../../shared/api.ts';
import { MSG } from '../../../shared/protocol.ts';
import { POSE_INTERVAL_MS } from '../../../shared/pose.ts';

const [baseUrl, durationArg] = process.argv.slice(2);
if (!baseUrl || !durationArg) throw new Error('usage: roomProbe.ts <baseUrl> <durationMs>');
const durationMs = Number(durationArg);

const now = () => performance.timeOrigin + performance.now();

const res = await fetch(baseUrl + API.session, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'Room probe', color: '#ffffff', locale: 'en', currency: 'USD' }),
});
if (!res.ok) throw new Error(`probe session failed: ${res.status} ${await res.text()}`);
const { token } = (await res.json()) as { token: string };
const room = await new Client(baseUrl).joinOrCreate('arena', { token });

const patches: number[] = [];
const poses: [number, number][] = [];
/** Pose x (cm) → when it was sent; each send uses a new x so its echo is unambiguous. */
const sent = new Map<number, number>();
let seq = 0;

room.onStateChange((state) => {
  const at = now();
  patches.push(at);
  const me = (state as { players: Map<string, { x: number }> }).players.get(room.sessionId);
  const sentAt = me ? sent.get(me.x) : undefined;
  if (me && sentAt !== undefined) {
    poses.push([at, at - sentAt]);
    sent.delete(me.x);
  }
});

const timer = setInterval(() => {
  seq = (seq + 1) % 1000;
  const x = seq - 500;
  sent.set(x, now());
  room.send(MSG.pose, { x, y: 165, z: 0, yaw: 0, pitch: 0 });
}, POSE_INTERVAL_MS);

await new Promise((resolve) => setTimeout(resolve, durationMs));
clearInterval(timer);
await room.leave().catch(() => undefined);
process.stdout.write(`${JSON.stringify({ patches, poses })}\n`);
process.exit(0);
