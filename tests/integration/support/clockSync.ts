import { MSG, type TimePong } from '../../../shared/protocol.ts';
import type { ArenaClientRoom } from './testServer.ts';

/** A client's own clock, as a browser would use: monotonic, starting near 0 (not the epoch). */
export const localNow = () => performance.now();

/**
 * Estimates `server time - localNow()` the way a client does: `samples` ping/pongs one after another,
 * keeping the one with the smallest round trip and assuming the answer left halfway through it.
 */
export async function estimateServerOffset(room: ArenaClientRoom, samples = 5): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const pong = new Promise<TimePong>((resolve) => {
      const off = room.onMessage(MSG.time, (message: TimePong) => {
        off();
        resolve(message);
      });
    });
    room.send(MSG.time, { t: localNow() });
    const { t, server } = await pong;
    const received = localNow();
    const rttMs = received - t;
    if (rttMs < best.rttMs) best = { offsetMs: server + rttMs / 2 - received, rttMs };
  }
  return best;
}
