import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ClientMessages } from '../../shared/protocol.ts';

/** What became of a room message: applied, answered with an error, or dropped over its rate. */
export type MessageOutcome = 'applied' | 'rejected' | 'rate_limited';

/** One room shard of this process as the matchmaker lists it. */
export interface ShardCount {
  shard: string;
  visitors: number;
}

/** A database connection pool's counts (PostgreSQL; PGlite is one in-process connection and has none). */
export interface PoolCounts {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricsSources {
  /** This process's room shards, read at each scrape. */
  shards(): Promise<ShardCount[]>;
  pool?(): PoolCounts;
  /** Whether this process is draining (SIGTERM): 1 while it moves its visitors out. */
  draining?(): boolean;
}

/** How a seat held for a dropped connection ended: its page reconnected into it, or the wait ran out (or was given up). */
export type ReconnectionOutcome = 'resumed' | 'expired';

/** The app's metrics: the hooks the room and the checkout call, and the registry `/metrics` serves. */
export interface Metrics {
  registry: Registry;
  /** Counts a room message by type and outcome (an unknown type is counted as `unknown`). */
  message(type: string | number, outcome: MessageOutcome): void;
  /** Counts an order by how it ended: `paid`, `declined`, or the error code that refused it. */
  order(outcome: string): void;
  /** Whole checkout requests (`POST /api/orders`), payment included. */
  checkoutSeconds: Histogram;
  /** Calls to the payment provider, by operation (create, capture, cancel, refund, find). */
  paymentSeconds: Histogram<'operation'>;
  /** Counts a held seat's outcome. */
  reconnection(outcome: ReconnectionOutcome): void;
  /**
   * Labels every series `process=<name>` (the configured name or Colyseus's process id, known once the
   * server listens), so one Prometheus can tell a cluster's processes apart.
   */
  labelProcess(name: string): void;
}

const isClientMessage = (type: string | number): boolean => typeof type === 'string' && Object.hasOwn(ClientMessages, type);

/**
 * Makes the app's metrics in a registry of its own (not prom-client's global one: tests start several
 * apps in one process). Default metrics (event-loop lag, heap, GC, CPU) come with it.
 */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const messages = new Counter({
    name: 'courtside_room_messages_total',
    help: 'Room messages received, by type and outcome (applied, rejected, rate_limited).',
    labelNames: ['type', 'outcome'] as const,
    registers,
  });
  const orders = new Counter({
    name: 'courtside_orders_total',
    help: 'Checkout requests by outcome: paid, declined, or the error code that refused them.',
    labelNames: ['outcome'] as const,
    registers,
  });
  const seconds = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  const checkoutSeconds = new Histogram({
    name: 'courtside_checkout_seconds',
    help: 'Time to answer POST /api/orders, payment included.',
    buckets: seconds,
    registers,
  });
  const paymentSeconds = new Histogram({
    name: 'courtside_payment_seconds',
    help: 'Time the payment provider took, by operation.',
    labelNames: ['operation'] as const,
    buckets: seconds,
    registers,
  });
  const reconnections = new Counter({
    name: 'courtside_room_reconnections_total',
    help: 'Seats held for dropped connections, by outcome: resumed (the page reconnected into it) or expired.',
    labelNames: ['outcome'] as const,
    registers,
  });
  if (sources.draining) {
    const draining = sources.draining;
    new Gauge({
      name: 'courtside_draining',
      help: '1 while this process drains (SIGTERM): it takes no new seats and moves its visitors out.',
      registers,
      collect() {
        this.set(draining() ? 1 : 0);
      },
    });
  }
  new Gauge({
    name: 'courtside_rooms',
    help: 'Room shards open in this process.',
    registers,
    async collect() {
      this.set((await sources.shards()).length);
    },
  });
  new Gauge({
    name: 'courtside_room_visitors',
    help: 'Visitors connected, per room shard of this process.',
    labelNames: ['shard'] as const,
    registers,
    async collect() {
      this.reset();
      for (const { shard, visitors } of await sources.shards()) this.set({ shard }, visitors);
    },
  });
  if (sources.pool) {
    const pool = sources.pool;
    new Gauge({
      name: 'courtside_db_pool_connections',
      help: 'Database pool connections: total, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const counts = pool();
        for (const state of ['total', 'idle', 'waiting'] as const) this.set({ state }, counts[state]);
      },
    });
  }

  return {
    registry,
    message: (type, outcome) => messages.inc({ type: isClientMessage(type) ? String(type) : 'unknown', outcome }),
    order: (outcome) => orders.inc({ outcome }),
    checkoutSeconds,
    paymentSeconds,
    reconnection: (outcome) => reconnections.inc({ outcome }),
    labelProcess: (name) => registry.setDefaultLabels({ process: name }),
  };
}
