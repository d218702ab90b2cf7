import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const children = new Set<ChildProcess>();

/** A real server process (`node server/index.ts`) as an operator runs it. */
export interface Running {
  child: ChildProcess;
  base: string;
  port: number;
  /** Its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Kills every server process still running (a test's afterAll). */
export function killServers(): void {
  for (const child of children) child.kill('SIGKILL');
}

/** A port nobody listens on now, so a restarted server can take the same one its visitors know. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `node server/index.ts` over `dataDir` (a free port unless `env.PORT`), and waits for its start line. */
export async function startServer(dataDir: string, env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['server/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      DATA_DIR: dataDir,
      DIST_DIR: path.join(dataDir, 'no-dist'),
      LOG_LEVEL: 'info',
      RECOVERY_INTERVAL_MS: '500',
      // NOTE: the tests poll the order list; the default per-visitor limit would answer 429.
      API_RATE_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = once(child, 'exit').then(([code]) => {
    children.delete(child);
    return code as number | null;
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/"port":(\d+)/);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}`, port, exited };
}
