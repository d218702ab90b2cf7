import type { Application } from 'express';
import { defineRoom, defineServer, LocalPresence, matchMaker, type Presence, type Server } from '@colyseus/core';
import type { Logger } from 'pino';
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
import { createChatFilter, readBlocklist } from './together/chatFilter.ts';
import { createModerationBook } from './together/moderation.ts';
import { colyseusLogger, createLogger } from './ops/logger.ts';
import { createMetrics, type ShardCount } from './ops/metrics.ts';
import { METRICS_PATH, metricsRoute } from './ops/metricsRoute.ts';
import { timedPayments } from './ops/timedPayments.ts';
import { disableColyseusCors, QuietWebSocketTransport } from './edge/colyseus.ts';
import { installEdge } from './edge/index.ts';
import { withRoomCap } from './edge/roomCap.ts';

export interface CourtsideOptions {
  /** Replaces the demo payment provider. */
  payments?: PaymentProvider;
  /** A migrated PGlite `dumpDataDir()` to start an empty data dir from (tests skip initdb with it). */
  pgliteTemplate?: Blob;
  /** Colyseus presence; defaults to in-process LocalPresence (RedisPresence when scaled out). */
  presence?: Presence;
  /** The process's logger; made from `config.logLevel` when not given (tests pass a silent one). */
  logger?: Logger;
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
  const log = options.logger ?? createLogger(config.logLevel);
  const seed = loadSeedFile(config.catalogFile);
  const catalog = indexCatalog(seed);
  const match = loadMatch(config.matchConfigFile, catalog);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onPoolError: (err) => log.warn({ err }, 'idle database connection failed (the pool will reconnect)'),
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
  const metrics = createMetrics({ shards: localShards, ...(database.pool ? { pool: database.pool } : {}) });
  const payments = timedPayments(
    options.payments ?? createDemoPaymentProvider({ delayMs: config.paymentDelayMs }),
    metrics.paymentSeconds,
  );
  const groupBuys = createVenueGroupBuys({
    deps: { db, catalog, payments, now: Date.now, windowMs: config.groupBuyWindowMs, log },
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
    metrics,
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
  const moderation = createModerationBook(presence);
  const arena = withRoomCap(
    arenaRoom({
      tokens,
      venueName,
      maxClients: config.maxClientsPerRoom,
      loadStock: () => readStock(db),
      match: venueMatch,
      groupBuys,
      log,
      metrics,
      catalog,
      squads: squadReader(db),
      chatFilter: createChatFilter(config.chatBlocklistFile ? readBlocklist(config.chatBlocklistFile) : []),
      isRemoved: (visitorId, nowMs) => moderation.isRemoved(visitorId, nowMs),
    }),
    config.maxRooms,
  );
  disableColyseusCors();
  const server = defineServer({
    // NOTE: the transport's default 4 KB frame limit is below a WebRTC offer's SDP (shared/together.ts
    // SignalSend allows 20,000 characters); a larger frame closes the socket instead of getting a reply.
    transport: new QuietWebSocketTransport({ maxPayload: 32 * 1024 }, log),
    presence,
    logger: colyseusLogger(log),
    gracefullyShutdown: false,
    greet: false,
    rooms: { arena: defineRoom(arena.Room) },
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
      const http = server.transport.server;
      if (http) installEdge(http, { logger: log, match, allowedOrigins: config.allowedOrigins });
      const address = http?.address();
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
  app.get(METRICS_PATH, metricsRoute(ctx.metrics, ctx.config.metricsToken));
  app.use(apiRouter(ctx));
  app.use(staticRouter(ctx.config.distDir));
  app.use(errorHandler(ctx.log));
}

/** This process's arena shards and their visitors, as the matchmaker lists them (for `/metrics`). */
async function localShards(): Promise<ShardCount[]> {
  const rooms = await matchMaker.query({ name: 'arena', processId: matchMaker.processId });
  return rooms.map((room) => ({ shard: room.roomId, visitors: room.clients }));
}
