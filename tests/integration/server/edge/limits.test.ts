import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchMaker } from '@colyseus/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('rooms per process', () => {
  it('opens at most MAX_ROOMS shards: past it a matchmake needing a new one gets 503, and a freed slot is reused', async () => {
    const s = await startTestServer({ config: { maxRooms: 2, maxClientsPerRoom: 1 } });
    server = s;
    const [ann, bob, cy] = await Promise.all([s.visitor('Ann'), s.visitor('Bob'), s.visitor('Cy')]);
    const first = await s.join(ann.token);
    await s.join(bob.token);
    expect((await matchMaker.query({ name: 'arena' })).length).toBe(2);

    const refused = await fetch(`${s.baseUrl}/matchmake/joinOrCreate/arena`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: cy.token }),
    });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: expect.stringContaining('MAX_ROOMS') });
    expect((await matchMaker.query({ name: 'arena' })).length).toBe(2);

    await first.leave(true);
    await until(async () => (await matchMaker.query({ name: 'arena' })).length === 1, 'the empty shard to close');
    const third = await s.join(cy.token);
    expect(third.state.players.size).toBe(1);
  });
});

describe('DATA_DIR', () => {
  it('is made 0700 and nothing of the database inside is open to other users', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-mode-'));
    const dataDir = path.join(parent, 'data');
    try {
      // NOTE: PGlite even when the suite runs on PostgreSQL: its files are what this is about.
      server = await startTestServer({ dataDir, config: { databaseUrl: undefined } });
      expect(server.app.ctx.dbKind).toBe('pglite');
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      const open = fs
        .readdirSync(dataDir, { recursive: true, withFileTypes: true })
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => (fs.statSync(file).mode & 0o077) !== 0);
      expect(open).toEqual([]);
    } finally {
      await server?.close();
      server = undefined;
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
