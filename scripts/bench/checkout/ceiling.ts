/**
 * The HTTP ceiling under the checkout bench: how many requests/s the server answers, and its CPU per
 * request, for the health check (no auth, no database) and the visitor's cart (auth + one read),
 * driven by the same client as the buyers. Tells what orders/s two requests per order can reach here.
 *
 *   node scripts/bench/checkout/ceiling.ts [--seconds 8] [--buyers 50] [--prof dir]
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { API } from '../../../shared/api.ts';
import { newBuyer } from './buyers.ts';
import { cpuSnapshot } from './measure.ts';
import { startServer } from './serverProcess.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seconds: { type: 'string', default: '8' },
    buyers: { type: 'string', default: '50' },
    /** A folder for the server's CPU profile (`--cpu-prof`). */
    prof: { type: 'string' },
  },
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const get = (url: string, headers: Record<string, string>) =>
  new Promise<number>((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-ceiling.'));
const server = await startServer(
  { DATA_DIR: path.join(dir, 'data') },
  values.prof ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.prof)}`] : [],
);
try {
  const buyers = await Promise.all(Array.from({ length: Number(values.buyers) }, (_, i) => newBuyer(server.baseUrl, i)));
  for (const [name, route, auth] of [
    ['health', API.health, false],
    ['cart', API.cart, true],
  ] as const) {
    const start = cpuSnapshot(server.pid, undefined);
    const endAt = performance.now() + Number(values.seconds) * 1000;
    let done = 0;
    await Promise.all(
      buyers.map(async (b) => {
        const headers: Record<string, string> = auth ? { authorization: `Bearer ${b.token}` } : {};
        while (performance.now() < endAt) if ((await get(server.baseUrl + route, headers)) === 200) done++;
      }),
    );
    const end = cpuSnapshot(server.pid, undefined);
    const seconds = (end.at - start.at) / 1000;
    const serverMs = end.node - start.node;
    console.log(
      `${name.padEnd(7)} ${Math.round(done / seconds)} requests/s, server ${(serverMs / done).toFixed(3)} CPU-ms/request, load ${os.loadavg()[0]?.toFixed(2)}`,
    );
  }
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
