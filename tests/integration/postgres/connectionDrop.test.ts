import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/testServer.ts';
import { terminateConnections } from '../support/postgresDatabase.ts';
import { until } from '../support/until.ts';

/**
 * PostgreSQL-server-only behaviour. This folder runs only under `npm run test:postgres`
 * (TEST_DATABASE_URL set; see vite.config.ts), which CI runs through scripts/postgres-test.sh.
 */
describe('on a PostgreSQL server', () => {
  it('keeps serving when PostgreSQL drops its pooled connections', async () => {
    const server = await startTestServer();
    // NOTE: Colyseus logs uncaught exceptions instead of exiting, so the crash a standalone server
    // suffers (an unhandled pool 'error' event) shows here only as an uncaught exception.
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      expect((await server.api().get('/api/catalog')).status).toBe(200);
      const name = new URL(server.app.ctx.config.databaseUrl!).pathname.slice(1);
      expect(await terminateConnections(name)).toBeGreaterThan(0);
      // The pool hears of the dead idle clients asynchronously; the process must survive it.
      await until(async () => (await server.api().get('/healthz')).status === 200, 'health after the reconnect');
      expect((await server.api().get('/api/catalog')).status).toBe(200);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await server.close();
    }
  });
});
