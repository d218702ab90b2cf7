/**
 * Probes a real server process from outside, as issue 10 did: RSS before and after 50 MB and 100 MB
 * POSTs to the matchmaker, and what 105 token-less joinOrCreate calls get. Prints one JSON report.
 * Usage: node scripts/probe/edges.ts   (starts `node server/index.ts` on a free port, temp DATA_DIR)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { bigUpload } from '../../tests/integration/support/bigUpload.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-probe-'));
const port = 20_000 + Math.floor(Math.random() * 10_000);
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['server/index.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});

const rssMb = () => {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 102.4) / 10;
};

try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('the server did not start in 60 s');
    if ((await fetch(`${base}/healthz`).catch(() => undefined))?.ok) break;
    await sleep(100);
  }
  await sleep(1000);
  const report: Record<string, unknown> = { rssAtRestMb: rssMb() };
  for (const mb of [50, 100]) {
    const started = performance.now();
    const res = await bigUpload(`${base}/matchmake/joinOrCreate/arena`, mb * 1024 * 1024);
    const ms = Math.round(performance.now() - started);
    await sleep(1000);
    report[`post${mb}Mb`] = {
      status: res.status,
      ms,
      sentMb: Math.round(res.sentBytes / 1024 / 102.4) / 10,
      rssAfterMb: rssMb(),
    };
  }
  const statuses: Record<number, number> = {};
  for (let i = 0; i < 105; i++) {
    const res = await fetch(`${base}/matchmake/joinOrCreate/arena`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  const metrics = await (await fetch(`${base}/metrics`)).text();
  report.tokenlessJoinOrCreate = { statuses, roomsAfter: Number(/^courtside_rooms (\d+)/m.exec(metrics)?.[1]) };
  console.log(JSON.stringify(report, null, 2));
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
