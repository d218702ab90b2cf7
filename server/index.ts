import { type Config, configFromEnv } from './config.ts';
import { type Courtside, createCourtside } from './app.ts';
import { createLogger } from './ops/logger.ts';

// NOTE: files this process creates (the embedded database, the session secret inside it) are for its
// own user only; PGlite would otherwise write them 0666 minus the usual umask.
process.umask(0o077);

/**
 * Starts Courtside from environment variables and drains it on SIGINT/SIGTERM: see `Courtside.close()`
 * (readiness 503, visitors moved, checkouts finished, drop entries flushed), then exits 0.
 */
let config: Config;
let app: Courtside;
const boot = createLogger('info');
try {
  config = configFromEnv();
} catch (e) {
  boot.fatal(`cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const log = createLogger(config.logLevel);
try {
  app = await createCourtside(config, { logger: log });
} catch (e) {
  // NOTE: a bad config, catalog or match file is the operator's to fix: say which, not where in our code.
  log.fatal(`cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const port = await app.listen(config.port);
log.info({ port, db: app.ctx.dbKind }, `${app.ctx.venueName} is open at http://localhost:${port}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(
    `${signal}: draining (readiness 503, no new seats, visitors told to move), finishing checkouts already paying (up to ${config.drainMs} ms), then closing rooms and the database`,
  );
  // NOTE: the drain has its own bound; this one only stops a shutdown that hangs after it.
  const force = setTimeout(() => process.exit(1), config.drainMs + 10_000);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (e) {
    log.error({ err: e }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
