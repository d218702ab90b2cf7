import type { Presence, Server } from '@colyseus/core';
import type { Logger } from 'pino';
import type { AppContext } from './context.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { DropDeps } from './domain/drop/drops.ts';
import type { Drain } from './ops/drain.ts';
import type { PaymentProvider } from './payments/provider.ts';

export interface CourtsideOptions {
  /**
   * Replaces the payment provider (the demo one, or Stripe when `config.stripe` is set) and with it the
   * demo's tokenization endpoint, `/demo-pay/v1`.
   */
  payments?: PaymentProvider;
  /** Makes the payment provider over the opened database (tests wrap the demo provider); the demo endpoint stays. */
  paymentsFor?: (db: DatabaseHandle['db']) => PaymentProvider;
  /** A migrated PGlite `dumpDataDir()` to start an empty data dir from (tests skip initdb with it). */
  pgliteTemplate?: Blob;
  /** Colyseus presence; defaults to in-process LocalPresence (RedisPresence when scaled out). */
  presence?: Presence;
  /** The process's logger; made from `config.logLevel` when not given (tests pass a silent one). */
  logger?: Logger;
  /** Overrides of the drops' timings (tests: a faster hold sweep). */
  drops?: Pick<DropDeps, 'sweepMs' | 'flushMs' | 'batchSize' | 'random'>;
  /** The clock of rate limits, bans and group-buy windows; Date.now by default (tests move it instead of sleeping). */
  now?: () => number;
}

/** A ready (not yet listening) Courtside: the Colyseus server with its HTTP routes, and the database. */
export interface Courtside {
  server: Server;
  ctx: AppContext;
  database: DatabaseHandle;
  /** The process's drain switch: `/health/ready` and the arena's seat check read it. */
  drain: Drain;
  /** Starts accepting connections on `port` (0 picks a free one); resolves to the bound port. */
  listen(port: number): Promise<number>;
  /**
   * Drains (readiness 503, no new seats, every visitor told to move), takes no new checkouts, lets
   * those already paying finish (up to `config.drainMs`), gives visitors a moment to leave, then stops
   * the server (if listening) and closes the database. Safe to call twice.
   */
  close(): Promise<void>;
}
