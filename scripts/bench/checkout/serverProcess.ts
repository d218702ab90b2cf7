import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { API } from '../../../shared/api.ts';
import { freePort } from './postgresCluster.ts';

/** The real server (`node server/index.ts`) in a child process, as an operator runs it. */
export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** SIGTERM, then waits for the exit (the server drains checkouts and closes the database). */
  stop(): Promise<void>;
  /** SIGKILL (a crash), then waits for the exit. */
  kill(): Promise<void>;
}

/** The seed catalog with one SKU's stock raised so the bench never sells it out. */
export function hotCatalog(dir: string, hotSku: string, stock: number): string {
  const seed = JSON.parse(fs.readFileSync('server/db/seed/catalog.json', 'utf8')) as {
    stock: { overrides: Record<string, number> };
  };
  seed.stock.overrides[hotSku] = stock;
  const file = path.join(dir, 'catalog.json');
  fs.writeFileSync(file, JSON.stringify(seed));
  return file;
}

async function untilHealthy(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) while starting:\n${log()}`);
    try {
      if ((await fetch(baseUrl + API.health)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer ${API.health} within 60 s:\n${log()}`);
}

/**
 * Starts the server with `env` over the defaults the bench needs: a free port, the payment provider
 * answering at once, rate limits out of the way (50 buyers share one IP), warnings only in the log.
 * `cwd` runs another checkout's server (a bench's "before" figures).
 */
export async function startServer(env: Record<string, string>, nodeArgs: string[] = [], cwd?: string): Promise<ServerProcess> {
  // NOTE: a fixed `env.PORT` is kept (a restart the pages must find again); a free one otherwise.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'server/index.ts'], {
    ...(cwd ? { cwd } : {}),
    env: {
      ...process.env,
      PAYMENT_DELAY_MS: '0',
      API_RATE_PER_MINUTE: '10000000',
      SESSION_RATE_PER_MINUTE: '10000000',
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await untilHealthy(baseUrl, child, () => output);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    async stop() {
      if (process.env.BENCH_SERVER_LOG) console.log(output);
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
