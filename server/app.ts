import type { Application } from 'express';
import { defineRoom, defineServer, LocalPresence, type Presence, type Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { API } from '../shared/api.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { seedCatalog } from './db/seed.ts';
import { resolveSessionSecret } from './auth/secret.ts';
import { createTokenService } from './auth/tokens.ts';
import { indexCatalog, loadSeedFile } from './domain/catalog.ts';
import { createDemoPaymentProvider, type PaymentProvider } from './domain/payments.ts';
import { readStock, type StockChanges } from './domain/stock.ts';
import { apiRouter } from './http/api.ts';
import { errorHandler } from './http/errors.ts';
import { staticRouter } from './http/static.ts';
import { loadMatch } from './match/loadMatch.ts';
import { createVenueMatch } from './match/venueMatch.ts';
import { arenaRoom, GROUP_BUY_CHANNEL, MATCH_CHANNEL, STOCK_CHANNEL } from './rooms/ArenaRoom.ts';
import { createVenueGroupBuys } from './groupBuy/venueGroupBuys.ts';
import { createSquadNotifier, squadReader } from './together/squadNotifier.ts';
import { createChatFilter } from './together/chatFilter.ts';

export interface CourtsideOptions {
  /** Replaces the demo payment provider. */
  payments?: PaymentProvider;
  /** A migrated PGlite `dumpDataDir()` to start an empty data dir from (tests skip initdb with it). */
  pgliteTemplate?: Blob;
  /** Colyseus presence; defaults to in-process LocalPresence (RedisPresence when scaled out). */
  presence?: Presence;
  /** The clock of rate limits, bans and group-buy windows; Date.now by default (tests move it instead of sleeping). */
  now?: () => number;
}

/** A ready (not yet listening) Courtside: the Colyseus server with its HTTP routes, and the database. */
export interface Courtside {
  server: Server;
  ctx: AppContext;
  database: DatabaseHandle;
  /** Starts accepting connections on `port` (0 picks a free one); resolves to the bound port. */
  listen(port: number): Promise<number>;
  /** Stops the server (if listening) and closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Checks the catalog and match files, opens the database, seeds the catalog, starts the venue's match
 * clock and builds the room server with its routes. A bad catalog or match file rejects before anything opens.
 */
export async function createCourtside(config: Config, options: CourtsideOptions = {}): Promise<Courtside> {
  const log = (message: string, err?: unknown) => {
    if (config.log || err) console[err ? 'error' : 'log'](`[courtside] ${message}`, ...(err ? [err] : []));
  };
  const seed = loadSeedFile(config.catalogFile);
  const catalog = indexCatalog(seed);
  const match = loadMatch(config.matchConfigFile, catalog);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onPoolError: (err) => log(`idle database connection failed (the pool will reconnect): ${err.message}`),
    ...(options.pgliteTemplate ? { pgliteTemplate: options.pgliteTemplate } : {}),
  });
  const { db } = database;
  try {
    await seedCatalog(db, seed);
  } catch (e) {
    await database.close();
    throw e;
  }
  const presence = options.presence ?? new LocalPresence();
  const publishStock = (changes: StockChanges) => {
    if (Object.keys(changes).length > 0) presence.publish(STOCK_CHANNEL, changes);
  };
  const tokens = createTokenService(await resolveSessionSecret(db, config.sessionSecret));
  const payments = options.payments ?? createDemoPaymentProvider({ delayMs: config.paymentDelayMs });
  const groupBuys = createVenueGroupBuys({
    deps: { db, catalog, payments, now: options.now ?? Date.now, windowMs: config.groupBuyWindowMs, log },
    publish: (snapshot) => presence.publish(GROUP_BUY_CHANNEL, snapshot),
    publishStock,
    log,
  });
  try {
    await groupBuys.start();
  } catch (e) {
    groupBuys.close();
    await database.close();
    throw e;
  }
  const venueName = config.venueName ?? seed.venueName;
  const ctx: AppContext = {
    config,
    db,
    dbKind: database.kind,
    catalog,
    venueName,
    match,
    tokens,
    log,
    squads: createSquadNotifier(db, (topic, data) => presence.publish(topic, data)),
    checkout: {
      db,
      catalog,
      payments,
      onStockChange: publishStock,
    },
    groupBuys,
  };

  const venueMatch = createVenueMatch({ match, publish: (snapshot) => presence.publish(MATCH_CHANNEL, snapshot) });
  const server = defineServer({
    // NOTE: the transport's default 4 KB frame limit is below a WebRTC offer's SDP (shared/together.ts
    // SignalSend allows 20,000 characters); a larger frame closes the socket instead of getting a reply.
    transport: new WebSocketTransport({ maxPayload: 32 * 1024 }),
    presence,
    gracefullyShutdown: false,
    greet: false,
    rooms: {
      arena: defineRoom(
        arenaRoom({
          tokens,
          venueName,
          maxClients: config.maxClientsPerRoom,
          loadStock: () => readStock(db),
          match: venueMatch,
          groupBuys,
          log,
          catalog,
          squads: squadReader(db),
          chatFilter: createChatFilter(config.chatBlocklist),
          now: options.now,
        }),
      ),
    },
    express: (app: Application) => mountHttp(app, ctx),
  });

  let listening = false;
  let closed: Promise<void> | undefined;
  return {
    server,
    ctx,
    database,
    async listen(port) {
      await server.listen(port);
      listening = true;
      const address = server.transport.server?.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    close() {
      closed ??= (async () => {
        venueMatch.close();
        groupBuys.close();
        if (listening) await server.gracefullyShutdown(false);
        await database.close();
      })();
      return closed;
    },
  };
}

function mountHttp(app: Application, ctx: AppContext): void {
  app.disable('x-powered-by');
  app.get(API.health, async (_req, res) => {
    await ctx.db.selectFrom('settings').select('key').limit(1).execute();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, db: ctx.dbKind });
  });
  app.use(apiRouter(ctx));
  app.use(staticRouter(ctx.config.distDir));
  app.use(errorHandler(ctx.log));
}
