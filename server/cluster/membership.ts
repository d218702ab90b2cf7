import type { Redis } from 'ioredis';
import type { Log } from '../ops/logger.ts';
import { KEY } from './keys.ts';
import { createRedisLease, type Lease } from './lease.ts';
import { announceProcess } from './registry.ts';

/** This process as a member of the cluster: announced to the proxy, and in the race for the venue. */
export interface Membership {
  lease: Lease;
  /** Gives the venue up (after it stopped here) and leaves the registry. */
  leave(): Promise<void>;
}

export interface MembershipOptions {
  redis: Redis;
  /** Colyseus's process id (its rooms' WebSocket paths name it) and where the proxy reaches it. */
  processId: string;
  internalUrl: string;
  /** Whether this process runs the venue now. */
  owns(): boolean;
  /** Starts the venue here (the lease was won); stops it (the lease was lost). */
  own(): Promise<void>;
  disown(): Promise<void>;
  log: Log;
}

/**
 * Joins the cluster: the registry entry the proxy routes this process's room sockets by, and the venue
 * lease. Winning the lease starts the venue's singletons here; losing it stops them. Changes run one
 * at a time, so a loss during a slow start is acted on once the start is done. A venue that cannot
 * start here gives the lease up, so another process can take it.
 */
export async function joinCluster(options: MembershipOptions): Promise<Membership> {
  const { redis, processId, log } = options;
  const withdraw = await announceProcess(redis, processId, options.internalUrl);
  const lease = await createRedisLease(redis, KEY.venueOwner, processId);
  let switching = Promise.resolve();
  const follow = () => {
    switching = switching.then(async () => {
      try {
        if (lease.held && !options.owns()) {
          log.info({ processId }, 'this process takes the venue over');
          await options.own();
        } else if (!lease.held && options.owns()) {
          log.warn({ processId }, 'this process lost the venue');
          await options.disown();
        }
      } catch (e) {
        log.error({ err: e }, 'the venue could not start in this process; giving the lease up');
        await options.disown();
        await lease.close();
      }
    });
    return switching;
  };
  lease.onChange(() => void follow());
  await follow();
  return {
    lease,
    async leave() {
      await switching;
      await lease.close();
      await withdraw();
    },
  };
}
