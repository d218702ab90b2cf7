import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConnection } from '../../../../client/net/createConnection.ts';
import type { Connection } from '../../../../client/net/connection.ts';
import { createServerClock } from '../../../../client/net/serverClock.ts';
import { createAppStore, type AppStore } from '../../../../client/state/createAppStore.ts';
import { createLocalPlayer } from '../../../../client/state/localPlayer.ts';
import { createRemotePoses } from '../../../../client/state/remotePoses.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';

/**
 * The client's one connection against the real server: two apps made as main.tsx makes them, each
 * with its own store and connection, talk through their own room door (no browser: the SDK and
 * `fetch` run in Node).
 */
let server: TestServer;
const apps: App[] = [];

interface App {
  store: AppStore;
  connection: Connection;
}

beforeAll(async () => {
  server = await startTestServer();
  const realFetch = globalThis.fetch;
  // NOTE: the client calls the API by path, as a page on the server's own origin does.
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) =>
    realFetch(typeof input === 'string' ? new URL(input, server.baseUrl) : input, init),
  );
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.connection.leave()));
  vi.unstubAllGlobals();
  await server?.close();
});

async function enter(name: string): Promise<App> {
  const store = createAppStore();
  const connection = createConnection({
    store,
    remotePoses: createRemotePoses(),
    localPlayer: createLocalPlayer(),
    serverClock: createServerClock(),
    roomUrl: server.baseUrl.replace(/^http/, 'ws'),
  });
  const app = { store, connection };
  apps.push(app);
  await connection.loadCatalog();
  await connection.startSession({ name, color: '#336699', locale: 'en', currency: 'USD' });
  await connection.join();
  await until(() => store.getState().connection === 'online', `${name} online`);
  return app;
}

describe('the client connection against the real server', () => {
  it('carries chat between two apps, and words each error on its one path', async () => {
    const ann = await enter('Ann');
    const ben = await enter('Ben');
    const arena = (app: App) => app.store.getState().chatMessages.arena.map((m) => m.text);

    expect(ann.connection.chat.send('arena', 'hello from Ann')).toBe(true);
    await until(() => arena(ben).includes('hello from Ann'), 'Ben gets the message');
    expect(arena(ann)).toContain('hello from Ann');
    const annId = ann.store.getState().selfId;
    expect(ann.connection.chat.react('🔥')).toBe(true);
    await until(() => ben.store.getState().reactions.some((r) => r.from === annId && r.emoji === '🔥'), 'the reaction');

    // The chat claims its own refusals: the reason shows beside the input, not as the page's notice.
    ann.connection.chat.send('arena', '   ');
    await until(() => ann.store.getState().chatError !== null, 'the refusal');
    expect(ann.store.getState().chatError).toBe('chat.reason.empty');
    expect(ann.store.getState().notice).toBeNull();

    // Nobody claims a refused host control: it becomes the notice, and the chat's line is untouched.
    ann.connection.controlMatch({ action: 'pause' });
    await until(() => ann.store.getState().notice !== null, 'the notice');
    expect(ann.store.getState().notice).toEqual({ key: 'errors.forbidden' });
    expect(ann.store.getState().chatError).toBe('chat.reason.empty');
    expect(ben.store.getState().notice).toBeNull();
  });

  it('forms a squad over HTTP, keeps it live through the room, and shows a product to the mate', async () => {
    const cy = await enter('Cy');
    const dee = await enter('Dee');
    await cy.connection.squads.create();
    const code = cy.store.getState().squad?.code;
    if (!code) throw new Error('no squad code');
    await dee.connection.squads.join(code);
    await until(() => cy.store.getState().squad?.members.length === 2, 'Cy sees Dee join (room)');

    expect(cy.connection.squads.show('court-runner-2', 'red')).toBe(true);
    await until(() => dee.store.getState().squadShown !== null, 'the show reaches Dee');
    expect(dee.store.getState().squadShown).toEqual({ productId: 'court-runner-2', colourwayId: 'red', name: 'Cy' });
    expect(cy.store.getState().squadShown).toBeNull();
  });
});
