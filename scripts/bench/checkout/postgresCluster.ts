import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL cluster (Debian's binaries), as scripts/postgres-test.sh starts one. */
export interface PostgresCluster {
  version: string;
  /** The postmaster's pid: its children are the backends whose CPU the bench counts. */
  postmasterPid: number;
  /** A new, empty database on the cluster; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const bin = versions.length ? path.join(root, versions[versions.length - 1]!, 'bin') : '';
  if (!bin || !fs.existsSync(path.join(bin, 'initdb'))) {
    throw new Error('no /usr/lib/postgresql/*/bin/initdb: install PostgreSQL (apt-get install -y postgresql)');
  }
  return bin;
}

/**
 * Starts a cluster in a temp dir on 127.0.0.1 with the same settings as the PostgreSQL test run
 * (durability off: it is thrown away; 200 connections). As root, it runs as the postgres user.
 */
export async function startPostgresCluster(extraOptions = ''): Promise<PostgresCluster> {
  const bin = postgresBin();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-bench-pg.'));
  const asRoot = process.getuid?.() === 0;
  const run = (file: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, file), ...args], { encoding: 'utf8' })
      : execFileSync(path.join(bin, file), args, { encoding: 'utf8' });
  if (asRoot) execFileSync('chown', ['postgres:', tmp]);
  const user = 'courtside_bench';
  const password = randomBytes(12).toString('hex');
  const pwFile = path.join(tmp, 'pw');
  fs.writeFileSync(pwFile, `${password}\n`);
  if (asRoot) execFileSync('chown', ['postgres:', pwFile]);
  const data = path.join(tmp, 'data');
  run('initdb', ['-D', data, '-U', user, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${tmp} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${extraOptions}`;
  run('pg_ctl', ['-D', data, '-l', path.join(tmp, 'server.log'), '-w', '-t', '30', 'start', '-o', options]);
  const postmasterPid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const version = run('postgres', ['--version']).trim().split(' ').pop() ?? '';
  const url = (db: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${db}`;
  return {
    version,
    postmasterPid,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url(name);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}
