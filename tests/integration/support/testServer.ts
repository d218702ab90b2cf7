import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '@colyseus/testing';
import { matchMaker } from '@colyseus/core';
import { Client, type Room as SdkRoom } from '@colyseus/sdk';
import { createCourtside, type Courtside, type CourtsideOptions } from '../../../server/app.ts';
import { configWith, type Config } from '../../../server/config.ts';
import type { ArenaRoom } from '../../../server/room/ArenaRoom.ts';
import type { ArenaState } from '../../../shared/state.ts';
import { pgliteTemplate } from './pgliteTemplate.ts';
import { databaseForDataDir, dropDatabase, dropDatabaseOfDataDir, testDatabaseUrl } from './postgresDatabase.ts';
import { apiClient, type ApiClient } from './apiClient.ts';

/** A joined SDK room, with the decoded room state typed as the server's schema. */
/** An events file with no events and no demo loop (tests that need events pass their own `eventsFile`). */
const NO_EVENTS = path.resolve(import.meta.dirname, '../../support/noEvents.json');

export type ArenaClientRoom = SdkRoom<unknown, ArenaState>;

export interface TestServer {
  app: Courtside;
  port: number;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  dataDir: string;
  /** A Colyseus SDK client pointed at this server. */
  sdk: Client;
  /** HTTP API helpers, optionally as a visitor (pass the token). */
  api(token?: string): ApiClient;
  /** Creates an anonymous visitor and returns its token and id. */
  visitor(name?: string, color?: string): Promise<{ token: string; id: string }>;
  /** Joins (or creates) the arena as the visitor with this token and waits for the first state. */
  join(token: string): Promise<ArenaClientRoom>;
  /** The server-side room instance of a joined SDK room. */
  room(sdkRoom: SdkRoom): ArenaRoom;
  /** Stops the server and closes the database; removes the data dir unless it was passed in. */
  close(): Promise<void>;
}

export interface StartOptions extends CourtsideOptions {
  /** Reuse a data dir (restart tests); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Config overrides (defaults: no payment delay, a silent logger, no built client). */
  config?: Partial<Config>;
}

/** Makes a temp dir for a test's data that `startTestServer({ dataDir })` can reopen. */
export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-test-'));
}

/** Removes a data dir from {@link makeDataDir} and, on PostgreSQL, the database it names. */
export async function removeDataDir(dataDir: string): Promise<void> {
  if (testDatabaseUrl) await dropDatabaseOfDataDir(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Starts the real Courtside server in-process on a free port (or `options.port`) with a PGlite
 * database in a temp data dir started from the migrated template — or, when `TEST_DATABASE_URL` is
 * set, a fresh PostgreSQL database on that server (see postgresDatabase.ts; the data dir names it,
 * so a restart on the same data dir reopens it). E2E tests reuse it with `config: { distDir }` to
 * serve a built client.
 */
export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeDataDir();
  // NOTE: a test that asks for the embedded database (`config: { databaseUrl: undefined }`) gets PGlite on
  // the PostgreSQL suite too, and no server database is made for it (its data dir may not exist yet).
  const embedded = options.config !== undefined && 'databaseUrl' in options.config && options.config.databaseUrl === undefined;
  const postgres = testDatabaseUrl && !embedded ? await databaseForDataDir(dataDir) : undefined;
  const config = configWith({
    dataDir,
    databaseUrl: postgres?.url,
    paymentDelayMs: 0,
    logLevel: 'silent',
    distDir: path.join(dataDir, 'no-dist'),
    // NOTE: no demo launch loop: its live-only prices would change what a long test is charged.
    eventsFile: NO_EVENTS,
    ...options.config,
  });
  const dropOwned = async () => {
    if (postgres && ownsDataDir) await dropDatabase(postgres.name);
    if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let app: Courtside;
  try {
    app = await createCourtside(
      config,
      postgres ? options : { ...options, pgliteTemplate: options.pgliteTemplate ?? (await pgliteTemplate()) },
    );
  } catch (e) {
    await dropOwned();
    throw e;
  }
  const port = await app.listen(options.port ?? 0);
  const baseUrl = `http://127.0.0.1:${port}`;
  const sdk = new Client(`ws://127.0.0.1:${port}`);
  const joined: ArenaClientRoom[] = [];
  const api = (token?: string) => apiClient(baseUrl, token);
  return {
    app,
    port,
    baseUrl,
    dataDir,
    sdk,
    api,
    async visitor(name = 'Tester', color = '#3366ff') {
      const res = await api().post('/api/session', { name, color, locale: 'en', currency: 'USD' });
      if (res.status !== 201) throw new Error(`session failed: ${res.status} ${JSON.stringify(res.body)}`);
      const body = res.body as { token: string; visitor: { id: string } };
      return { token: body.token, id: body.visitor.id };
    },
    async join(token) {
      const room = await sdk.joinOrCreate<ArenaState>('arena', { token });
      joined.push(room);
      await room.waitForInitialState();
      return room;
    },
    room(sdkRoom) {
      return matchMaker.getLocalRoomById(sdkRoom.roomId) as unknown as ArenaRoom;
    },
    async close() {
      await Promise.all(joined.map((r) => (r.connection.isOpen ? r.leave(true).catch(() => 0) : 0)));
      await app.close();
      await dropOwned();
    },
  };
}
