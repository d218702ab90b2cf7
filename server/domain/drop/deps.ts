import type { Kysely } from 'kysely';
import type { SkuRef } from '../../../shared/catalog.ts';
import type { DropConfig, DropResult, DropView } from '../../../shared/drop.ts';
import type { Database } from '../../db/schema.ts';
import type { Log } from '../../ops/logger.ts';
import type { CatalogIndex } from '../catalog.ts';
import type { DomainPublisher } from '../events.ts';
import type { RandomInt } from './draw.ts';
import type { DropGate } from './gate.ts';
import type { DropMemory } from './results.ts';

/** What goes out to every shard: results by visitor (all entrants at the draw; the changed ones after). */
export interface DropResults {
  eventId: string;
  results: Record<string, DropResult>;
}

/** A unit held for a visitor, as checkout prices and consumes it. */
export interface HeldUnit {
  holdId: string;
  sku: string;
  prices: DropMemory['row']['prices'];
}

export interface DropDeps {
  db: Kysely<Database>;
  catalog: CatalogIndex;
  /** Server time in ms since the epoch. */
  now: () => number;
  /** Whether a launch event exists (the event store answers; see app.ts). */
  eventExists: (eventId: string) => boolean | Promise<boolean>;
  /** Stock the draw took or a lapsed unit gave back. */
  events: DomainPublisher;
  /** Sends results to every shard (CHANNEL.dropResults). */
  publish: (results: DropResults) => void;
  /** The drop's public state moved (created, opened, drawn): the room's copy is to be read again. */
  changed?: (eventId: string) => void;
  gate?: DropGate;
  random?: RandomInt;
  /** Entries are persisted every `flushMs` or whenever `batchSize` are waiting (defaults 200 ms, 500). */
  flushMs?: number;
  batchSize?: number;
  /** How often holds past their expiry are looked for (default 1 s). */
  sweepMs?: number;
  log?: Log;
}

/** The fair drops of launch events: set up, entries, the draw, holds passing down the line. */
export interface Drops {
  create(eventId: string, config: DropConfig): Promise<void>;
  open(eventId: string): Promise<void>;
  /** Closes entries now (the window also closes itself) and draws. */
  close(eventId: string): Promise<void>;
  enter(eventId: string, visitorId: string): Promise<DropResult>;
  /** The drop and the visitor's result. */
  view(eventId: string, visitorId: string | undefined): Promise<DropView>;
  /**
   * Waits (at most `waitMs`) for the drop's draw; `undefined` when there is nothing to wait for (it is
   * drawn already). Throws `notFound` for an event without a drop.
   */
  untilDrawn(eventId: string, waitMs: number): Promise<void> | undefined;
  /** The visitor's units held now (memory; the checkout statement checks them again). */
  heldFor(visitorId: string): HeldUnit[];
  /** This process's checkout was paid for these holds of the visitor (memory says `bought` at once). */
  bought(visitorId: string, holdIds: readonly string[]): void;
  /** An order settled: when it bought a drawn drop's SKU, the holds it paid for (or gave back) are read again. */
  orderSettled(order: { id: string; lines: readonly SkuRef[] }): Promise<void>;
  /** Persisted drops reloaded: open windows reopen with their entries, lapsed holds pass on. */
  start(): Promise<void>;
  /** Stops the timers and persists every accepted entry. */
  stop(): Promise<void>;
  /** Lapses overdue holds now (the sweep's work; tests call it). */
  sweep(): Promise<void>;
}
