import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { ErrorCode } from '../../shared/protocol.ts';
import type { Database } from '../db/schema.ts';
import type { CheckoutResponse } from './orderRows.ts';
import { DomainError } from './errors.ts';
import type { InFlight } from './inFlight.ts';
import type { SettledOrder } from './settle.ts';

/** Fingerprints stored before they were keyed were erased (migration 005): such a key replays unchecked. */
const ERASED = 'erased';

export interface ReplayDeps {
  db: Kysely<Database>;
  /** How long a retry waits for the first request with the same key to finish. */
  inFlightWaitMs?: number;
  /** Orders this process is paying now (their answer is on its way: wait for it). */
  inFlight?: InFlight;
  /** Settles an order whose answer is missing by asking the payment provider (checkout's orders only). */
  settle?: (orderId: string) => Promise<SettledOrder | null>;
}

/**
 * Answers a request whose Idempotency-Key was already used: the stored answer when there is one;
 * `idempotency_conflict` when the key came with another request (a new key is needed); otherwise the
 * first request's answer is not stored yet — it is still running here (wait for it), or its process
 * died or its payment's answer was lost (ask the provider once, which settles the order) — and after
 * the wait `idempotency_in_progress` with a Retry-After.
 */
export async function replay(deps: ReplayDeps, visitorId: string, key: string, hash: string): Promise<CheckoutResponse> {
  const deadline = Date.now() + (deps.inFlightWaitMs ?? 15_000);
  let asked = false;
  for (;;) {
    const row = await deps.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response_status', 'response_body', 'order_id'])
      .where('visitor_id', '=', visitorId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (row.request_hash !== hash && row.request_hash !== ERASED) {
      throw new DomainError(
        ErrorCode.idempotencyConflict,
        'this Idempotency-Key was already used with a different request; use a new key',
      );
    }
    if (row.response_status !== null) return { status: row.response_status, body: row.response_body };
    if (row.order_id && deps.settle && !deps.inFlight?.has(row.order_id) && !asked) {
      asked = true;
      // NOTE: a provider that is down leaves the outcome unknown: the answer is "in progress", never an error.
      const settled = await deps.settle(row.order_id).catch(() => null);
      if (settled) return settled.response;
    }
    if (Date.now() > deadline) {
      throw new DomainError(
        ErrorCode.idempotencyInProgress,
        'the first request with this Idempotency-Key is still being answered; retry the same request later',
        undefined,
        5,
      );
    }
    await sleep(25);
  }
}
