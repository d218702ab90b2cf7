import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CatalogIndex } from '../catalog.ts';
import type { PaymentProvider } from '../../payments/provider.ts';
import type { Fingerprint } from '../fingerprint.ts';
import type { Log } from '../../ops/logger.ts';
import type { DomainPublisher } from '../events.ts';

/** What the group-buy logic needs: the database, the catalog, the payment provider and the clock. */
export interface GroupBuyDeps {
  db: Kysely<Database>;
  catalog: CatalogIndex;
  payments: PaymentProvider;
  /** Keyed request fingerprints (see fingerprint.ts). */
  fingerprint: Fingerprint;
  /** Server time in ms since the epoch. */
  now: () => number;
  /** Replaces every deal's window (config `groupBuyWindowMs`); undefined keeps the catalog's minutes. */
  windowMs?: number | undefined;
  /** How long a retry waits for the first request with the same key to finish. */
  inFlightWaitMs?: number;
  log?: Log;
  /** Hears a filled group's orders as `orderPlaced` and `orderSettled` (source `groupBuy`), once they are settled. */
  events?: DomainPublisher;
}

/** Releases a held payment; a failure is logged, never thrown (nothing was charged either way). */
export async function voidQuietly(deps: GroupBuyDeps, authorizationId: string): Promise<void> {
  try {
    await deps.payments.cancel(authorizationId);
  } catch (e) {
    deps.log?.error({ err: e }, `group buy: could not void authorization ${authorizationId}`);
  }
}
