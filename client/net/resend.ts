import { resendDelayMs } from './checkoutRequest.ts';

/**
 * Sends a request that carries an Idempotency-Key, and sends it again with the same key while the
 * server may still answer it (no answer came, 409 `idempotency_in_progress`, 503 `unavailable`; see
 * `resendDelayMs`): a repeat gets the first request's outcome, never a second charge.
 */
export async function sendWithResends<T>(send: () => Promise<T>, wait: (ms: number) => Promise<void>): Promise<T> {
  for (let sent = 1; ; sent++) {
    try {
      return await send();
    } catch (err) {
      const delay = resendDelayMs(err, sent);
      if (delay === null) throw err;
      await wait(delay);
    }
  }
}
