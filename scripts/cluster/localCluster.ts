import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { API } from '../../shared/api.ts';
import { freePort, type PostgresCluster, startPostgresCluster } from '../bench/checkout/postgresCluster.ts';
import { createClusterProxy, type ClusterProxy } from '../../server/cluster/proxy.ts';
import { startRedisServer, type RedisServer } from './redisServer.ts';

/** One Courtside process of the local cluster. */
export interface ClusterProcess {
  /** Its own port (the proxy's targets; visitors use the cluster's `url`). */
  port: number;
  url: string;
  pid: number;
  /** Colyseus's process id (the first segment of its rooms' WebSocket paths). */
  processId(): Promise<string>;
  alive(): boolean;
  /** Sends the signal and waits for the exit (SIGKILL: a crash; SIGTERM: a drain). */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** The last lines it logged. */
  log(): string;
}

export interface LocalCluster {
  /** The one URL in front (the proxy). */
  url: string;
  redisUrl: string;
  databaseUrl: string;
  processes: ClusterProcess[];
  /** Starts one more process with the same settings (after a kill, or to grow). */
  addProcess(): Promise<ClusterProcess>;
  /** The process id holding the venue's lease now. */
  owner(): Promise<string | undefined>;
  stop(): Promise<void>;
}

export interface LocalClusterOptions {
  processes?: number;
  /** The proxy's port (0: a free one). */
  port?: number;
  /** Environment for every process over the defaults (the catalog, rate limits, room size…). */
  env?: Record<string, string>;
  /** Print each process's log as it comes (`npm run cluster`); tests keep the last lines instead. */
  inheritLogs?: boolean;
  /** Use this PostgreSQL database instead of starting a throwaway cluster. */
  databaseUrl?: string;
}

async function untilHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`a Courtside process exited (${child.exitCode}) while starting:\n${log()}`);
    try {
      if ((await fetch(url + API.health)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`a Courtside process did not answer ${API.health} within 90 s:\n${log()}`);
}

/**
 * A venue on several processes on this machine, as an operator would run it: a throwaway Redis
 * (`redis-server`) and PostgreSQL cluster, N `node server/index.ts` processes sharing them, and the
 * proxy (server/cluster/proxy.ts) in front on one port. The first process starts alone (it migrates
 * the database and takes the venue's lease), then the rest together.
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const count = options.processes ?? 3;
  const redis: RedisServer = await startRedisServer();
  let postgres: PostgresCluster | undefined;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    postgres = await startPostgresCluster();
    databaseUrl = await postgres.createDatabase('courtside_cluster');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-cluster.'));
  const processes: ClusterProcess[] = [];
  const client = new Redis(redis.url, { maxRetriesPerRequest: 2 });

  async function addProcess(): Promise<ClusterProcess> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['server/index.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        INTERNAL_URL: url,
        ...options.env,
      },
      stdio: options.inheritLogs ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await untilHealthy(url, child, () => output);
    const entry: ClusterProcess = {
      port,
      url,
      pid: child.pid ?? 0,
      async processId() {
        const all = await client.hgetall('courtside:processes');
        return Object.keys(all).find((id) => all[id] === url) ?? '';
      },
      alive: () => child.exitCode === null && child.signalCode === null,
      async kill(signal) {
        if (entry.alive()) child.kill(signal);
        await exited;
      },
      log: () => output,
    };
    processes.push(entry);
    return entry;
  }

  let proxy: ClusterProxy | undefined;
  try {
    await addProcess();
    await Promise.all(Array.from({ length: count - 1 }, () => addProcess()));
    proxy = createClusterProxy(client);
    const port = options.port ?? 0;
    await new Promise<void>((resolve) => proxy?.server.listen(port, '0.0.0.0', () => resolve()));
  } catch (e) {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    client.disconnect();
    await redis.stop();
    postgres?.stop();
    throw e;
  }
  const address = proxy.server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${proxyPort}`,
    redisUrl: redis.url,
    databaseUrl,
    processes,
    addProcess,
    async owner() {
      return (await client.get('courtside:venue:owner')) ?? undefined;
    },
    async stop() {
      await proxy?.close();
      await Promise.all(processes.map((p) => p.kill('SIGTERM')));
      client.disconnect();
      await redis.stop();
      postgres?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
