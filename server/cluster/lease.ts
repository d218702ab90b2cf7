import type { Redis } from 'ioredis';

/**
 * One owner among the processes, chosen by a Redis lease: `SET key me NX PX ttl` takes it, the holder
 * renews it every `renewMs`, and when the holder dies the key expires and the next try by another
 * process takes it. `onChange` hears every gain and loss (a holder that cannot renew in time lets go
 * before another can take it over, so two never act as owner at once, clocks permitting).
 */
export interface Lease {
  readonly held: boolean;
  /** The current holder's id as last seen (this process's id while held). */
  readonly holder: string | undefined;
  onChange(listener: (held: boolean) => void): void;
  /** Stops trying and gives the lease up at once (a drained process hands over without the wait). */
  close(): Promise<void>;
}

export interface LeaseOptions {
  /** How long the lease lasts without a renewal. */
  ttlMs?: number;
  /** How often the holder renews and the others try to take it. */
  renewMs?: number;
}

// NOTE: renew and release only while the key is still ours: a holder that stalled past its TTL
// must not extend or delete a lease another process has taken since.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Competes for `key` as `me` until closed; the first try is made before this resolves. */
export async function createRedisLease(redis: Redis, key: string, me: string, options: LeaseOptions = {}): Promise<Lease> {
  const ttlMs = options.ttlMs ?? 3_000;
  const renewMs = options.renewMs ?? 1_000;
  const listeners: ((held: boolean) => void)[] = [];
  let held = false;
  let holder: string | undefined;
  let closed = false;
  let renewedAt = 0;

  const set = (next: boolean) => {
    if (next === held) return;
    held = next;
    for (const listener of listeners) listener(held);
  };

  async function tick(): Promise<void> {
    if (closed) return;
    try {
      const started = Date.now();
      if (held) {
        const renewed = Number(await redis.eval(RENEW, 1, key, me, String(ttlMs)));
        if (renewed === 1) renewedAt = started;
        set(renewed === 1);
      } else if ((await redis.set(key, me, 'PX', ttlMs, 'NX')) === 'OK') {
        renewedAt = started;
        set(true);
      }
      holder = held ? me : ((await redis.get(key)) ?? undefined);
    } catch {
      // NOTE: Redis unreachable: keep acting as owner only while our last renewal can still stand.
      if (held && Date.now() - renewedAt >= ttlMs - renewMs) set(false);
    }
  }

  await tick();
  const timer = setInterval(() => void tick(), renewMs);
  timer.unref();
  return {
    get held() {
      return held;
    },
    get holder() {
      return holder;
    },
    onChange(listener) {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      clearInterval(timer);
      if (held) await redis.eval(RELEASE, 1, key, me).catch(() => 0);
      set(false);
    },
  };
}

/** The lease of one process alone (no Redis): always held. */
export function soleLease(me: string): Lease {
  return { held: true, holder: me, onChange() {}, close: async () => {} };
}
