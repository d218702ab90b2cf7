import { Router } from 'express';
import { API } from '../../shared/api.ts';
import { isReady, type LiveResponse, type ReadyResponse } from '../../shared/health.ts';

/** A database check slower than this counts as a failed one: a proxy must not wait on a stuck pool. */
const DATABASE_CHECK_MS = 2_000;

export interface HealthSources {
  /** This process's name (`PROCESS_NAME`, or Colyseus's process id). */
  processName(): string;
  /** A trivial query; rejects (or hangs) when the database is unreachable. */
  pingDatabase(): Promise<unknown>;
  /** Whether the venue's singletons run (started, and not closed by a shutdown). */
  venueOpen(): boolean;
  /** Whether the process drains (SIGTERM). */
  draining(): boolean;
}

/** Resolves true when `check` settles well within `ms`, false when it fails or takes longer. */
async function within(check: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([check().then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness and readiness, for a supervisor and a proxy: `GET /health/live` is 200 while the process
 * answers at all; `GET /health/ready` is 200 only when it should get new visitors (database reachable,
 * venue running, not draining) and 503 otherwise, so a load balancer stops sending them at SIGTERM.
 */
export function healthRouter(sources: HealthSources): Router {
  const router = Router();
  router.get(API.live, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ live: true, process: sources.processName() } satisfies LiveResponse);
  });
  router.get(API.ready, async (_req, res) => {
    const checks = {
      database: await within(sources.pingDatabase, DATABASE_CHECK_MS),
      venue: sources.venueOpen(),
      draining: sources.draining(),
    };
    const ready = isReady(checks);
    res.setHeader('Cache-Control', 'no-store');
    res.status(ready ? 200 : 503).json({ ready, process: sources.processName(), checks } satisfies ReadyResponse);
  });
  return router;
}
