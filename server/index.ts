import { type Config, configFromEnv } from './config.ts';
import { type Courtside, createCourtside } from './app.ts';

/** Starts Courtside from environment variables and shuts it down cleanly on SIGINT/SIGTERM. */
let config: Config;
let app: Courtside;
try {
  config = configFromEnv();
  app = await createCourtside(config);
} catch (e) {
  // NOTE: a bad config, catalog or match file is the operator's to fix: say which, not where in our code.
  console.error(`[courtside] cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const port = await app.listen(config.port);
console.log(`[courtside] ${app.ctx.venueName} is open at http://localhost:${port} (database: ${app.ctx.dbKind})`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[courtside] ${signal}: closing rooms and the database`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (e) {
    console.error('[courtside] shutdown failed', e);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
