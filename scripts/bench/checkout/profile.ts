/**
 * Where a checkout's time goes: one run on PostgreSQL with `pg_stat_statements` and the server under
 * `--cpu-prof`, the buyers of `npm run bench:checkout` for `--seconds`. Prints the statements by total
 * time (calls per order) and leaves the CPU profile in `--out`.
 *
 *   node scripts/bench/checkout/profile.ts [--seconds 10] [--buyers 50] [--out /tmp/courtside-profile]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { newBuyer, runBuyers } from './buyers.ts';
import { startPostgresCluster } from './postgresCluster.ts';
import { hotCatalog, startServer } from './serverProcess.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seconds: { type: 'string', default: '10' },
    buyers: { type: 'string', default: '50' },
    out: { type: 'string', default: path.join(os.tmpdir(), 'courtside-profile') },
    'no-prof': { type: 'boolean', default: false },
  },
});
const HOT_SKU = { productId: 'court-runner-2', colourwayId: 'black', size: '43' };
const out = path.resolve(values.out ?? '');
fs.mkdirSync(out, { recursive: true });
const cluster = await startPostgresCluster('-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-profile.'));
try {
  const url = await cluster.createDatabase(`courtside_profile_${process.pid}`);
  const server = await startServer(
    {
      DATA_DIR: path.join(dir, 'data'),
      CATALOG_FILE: hotCatalog(dir, `${HOT_SKU.productId}:${HOT_SKU.colourwayId}:${HOT_SKU.size}`, 100_000_000),
      DATABASE_URL: url,
    },
    values['no-prof'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${out}`],
  );
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  try {
    const buyers = await Promise.all(Array.from({ length: Number(values.buyers) }, (_, i) => newBuyer(server.baseUrl, i)));
    await runBuyers(server.baseUrl, buyers, HOT_SKU, 2000);
    await admin.query('SELECT pg_stat_statements_reset()');
    const load = await runBuyers(server.baseUrl, buyers, HOT_SKU, Number(values.seconds) * 1000);
    const orders = load.orders.length;
    console.log(
      `${orders} orders in ${values.seconds} s (${Math.round(orders / Number(values.seconds))}/s), failures ${JSON.stringify(load.failures)}, load ${os.loadavg()[0]?.toFixed(2)}`,
    );
    const { rows } = await admin.query(
      `SELECT calls, round(total_exec_time::numeric, 1) AS ms, round(mean_exec_time::numeric, 3) AS mean, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS q
       FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 40`,
    );
    for (const r of rows) {
      console.log(
        `${String((r.calls / orders).toFixed(2)).padStart(6)}/order ${String(r.ms).padStart(9)} ms ${String(r.mean).padStart(7)} ms  ${r.q}`,
      );
    }
    const total = await admin.query(
      `SELECT sum(calls) AS calls, sum(total_exec_time) AS ms FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'`,
    );
    console.log(
      `all: ${(total.rows[0].calls / orders).toFixed(1)} statements/order, ${(total.rows[0].ms / orders).toFixed(2)} ms exec/order`,
    );
  } finally {
    await admin.end();
    await server.stop();
  }
} finally {
  cluster.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`CPU profile in ${out}`);
