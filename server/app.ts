import path from 'node:path';
import type { Application } from 'express';
import { randomUUID } from 'node:crypto';
import { defineRoom, defineServer, matchMaker, type Presence, type Server } from '@colyseus/core';
import type { Logger } from 'pino';
import { API } from '../shared/api.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { seedCatalog } from './db/seed.ts';
import { resolveSessionSecret } from './auth/secret.ts';
import { createTokenService } from './auth/tokens.ts';
import { createHostAccess } from './auth/hostAccess.ts';
import { indexCatalog, loadSeedFile } from './domain/catalog.ts';
import type { PaymentProvider } from './payments/provider.ts';
import { createDemoProvider } from './payments/demo/demoProvider.ts';
import { demoPayRouter } from './payments/demo/demoRoutes.ts';
import { paymentsRoute } from './payments/paymentsRoute.ts';
import { createStripeProvider } from './payments/stripe/stripeProvider.ts';
import { createFingerprint } from './domain/fingerprint.ts';
import { createInFlight } from './domain/inFlight.ts';
import { createDomainEvents } from './domain/events.ts';
import type { DropDeps } from './domain/drop/drops.ts';
import { createOwnership, type Ownership } from './venue/ownership.ts';
import { sharedParts, type Shared } from './cluster/redis.ts';
import { hearVenue, keepLast } from './cluster/heard.ts';
import { createVenueBus } from './cluster/venueBus.ts';
import { roomVenue } from './cluster/roomVenue.ts';
import { joinCluster, type Membership } from './cluster/membership.ts';
import { createRedisGate } from './cluster/redisGate.ts';
import { leastLoadedProcess } from './cluster/placement.ts';
import { CHANNEL } from './venue/channels.ts';
import { createMailer } from './mail/mailer.ts';
import { readStock } from './domain/stock.ts';
import { apiRouter } from './http/api.ts';
import { errorHandler } from './http/errors.ts';
import { staticRouter } from './http/static.ts';
import { loadMatch } from './venue/match/loadMatch.ts';
import { loadEventsFile } from './domain/launch/eventRules.ts';
import { writeFileEvents } from './domain/launch/eventStore.ts';
import { arenaRoomFor, type ArenaDeps } from './room/ArenaRoom.ts';
import { relaySquadChanges, squadReader } from './features/squads/squadNotifier.ts';
import { relayCartChanges } from './features/cart/cartRelay.ts';
import { relayBackInStock } from './features/cart/backInStockRelay.ts';
import { createChatFilter, readBlocklist } from './features/chat/chatFilter.ts';
import { createModerationBook } from './features/moderation/moderation.ts';
import { colyseusLogger, createLogger } from './ops/logger.ts';
import { createMetrics, type ShardCount } from './ops/metrics.ts';
import { createDrain, type Drain } from './ops/drain.ts';
import { DRAINING_KEY, placeAwayFromDraining } from './ops/drainPlacement.ts';
import { healthRouter, type HealthSources } from './ops/healthRoutes.ts';
import { METRICS_PATH, metricsRoute } from './ops/metricsRoute.ts';
import { timedPayments } from './ops/timedPayments.ts';
import { disableColyseusCors, QuietWebSocketTransport } from './edge/colyseus.ts';
import { installEdge } from './edge/index.ts';
import { withRoomCap } from './edge/roomCap.ts';
import { createDirectStage } from './features/stageVoice/directStage.ts';

export interface CourtsideOptions {
  /**
   * Replaces the payment provider (the demo one, or Stripe when `config.stripe` is set) and with it the
   * demo's tokenization endpoint, `/demo-pay/v1`.
   */
  payments?: PaymentProvider;
  /** Makes the payment provider over the opened database (tests wrap the demo provider); the demo endpoint stays. */
  paymentsFor?: (db: DatabaseHandle['db']) => PaymentProvider;
  /** A migrated PGlite `dumpDataDir()` to start an empty data dir from (tests skip initdb with it). */
  pgliteTemplate?: Blob;
  /** Colyseus presence; defaults to in-process LocalPresence (RedisPresence when scaled out). */
  presence?: Presence;
  /** The process's logger; made from `config.logLevel` when not given (tests pass a silent one). */
  logger?: Logger;
  /** Overrides of the drops' timings (tests: a faster hold sweep). */
  drops?: Pick<DropDeps, 'sweepMs' | 'flushMs' | 'batchSize' | 'random'>;
  /** The clock of rate limits, bans and group-buy windows; Date.now by default (tests move it instead of sleeping). */
  now?: () => number;
}

/** How often receipts and refund notices still owed (a failed send, a crash before sending) are tried again. */
const MAIL_RETRY_MS = 60_000;

/** A ready (not yet listening) Courtside: the Colyseus server with its HTTP routes, and the database. */
export interface Courtside {
  server: Server;
  ctx: AppContext;
  database: DatabaseHandle;
  /** The process's drain switch: `/health/ready` and the arena's seat check read it. */
  drain: Drain;
  /** Starts accepting connections on `port` (0 picks a free one); resolves to the bound port. */
  listen(port: number): Promise<number>;
  /**
   * Drains (readiness 503, no new seats, every visitor told to move), takes no new checkouts, lets
   * those already paying finish (up to `config.drainMs`), gives visitors a moment to leave, then stops
   * the server (if listening) and closes the database. Safe to call twice.
   */
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
  const eventsFile = loadEventsFile(config.eventsFile, catalog);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onPoolError: (err) => log.warn({ err }, 'idle database connection failed (the pool will reconnect)'),
    ...(options.pgliteTemplate ? { pgliteTemplate: options.pgliteTemplate } : {}),
  });
  const { db } = database;
  try {
    await seedCatalog(db, seed);
    await writeFileEvents(db, eventsFile.events);
  } catch (e) {
    await database.close();
    throw e;
  }
  // NOTE: a test's own presence means one process whatever the config says.
  const shared = options.presence ? { presence: options.presence, close: async () => {} } : sharedParts(config.redisUrl);
  const { presence, redis } = shared as Shared;
  const events = createDomainEvents((name, err) => log.error({ err }, `a ${name} listener failed`));
  const secret = await resolveSessionSecret(db, config.sessionSecret);
  const now = options.now ?? Date.now;
  const hosts = createHostAccess(db, now, (inviteId) => void presence.publish(CHANNEL.hostRevoked, { inviteId }));
  const tokens = createTokenService(secret, { stands: (visitor) => hosts.sessionStands(visitor) });
  const fingerprint = createFingerprint(secret);
  const drain = createDrain((err) => log.error({ err }, 'a drain listener failed'));
  const metrics = createMetrics({
    shards: localShards,
    draining: () => drain.draining,
    ...(database.pool ? { pool: database.pool } : {}),
  });
  const payments = timedPayments(
    options.payments ??
      options.paymentsFor?.(db) ??
      (config.stripe ? createStripeProvider(config.stripe) : createDemoProvider(db, { delayMs: config.paymentDelayMs })),
    metrics.paymentSeconds,
  );
  const stopSquadRelay = relaySquadChanges(events, db, (topic, data) => presence.publish(topic, data));
  const stopCartRelays = [
    relayCartChanges(events, db, (topic, data) => presence.publish(topic, data)),
    relayBackInStock(events, db, (topic, data) => presence.publish(topic, data), log),
  ];
  const stopRelays = () => {
    stopSquadRelay();
    for (const stop of stopCartRelays) stop();
  };

  // The venue's singletons run in one process: this one alone, or the holder of the cluster's lease.
  // NOTE: the checkout and the API reach them through `ownership.required()`, at each call.
  let ownership: Ownership;
  const checkout: AppContext['checkout'] = {
    db,
    catalog,
    payments,
    events,
    fingerprint,
    inFlight: createInFlight(),
    holdMs: config.paymentHoldMs,
    now,
    log,
    // NOTE: the best of the live-only price and the active offers, as every shard's board shows it.
    livePrice: (productId, currency) => ownership.required().venue.prices.price(productId, currency),
    get drops() {
      return ownership.required().drops;
    },
  };
  const mail: AppContext['mail'] = {
    db,
    catalog,
    log,
    publicUrl: config.publicUrl,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') }),
  };
  // NOTE: with Redis, snapshots heard from the owner and commands forwarded to it; made before any shard opens.
  const heard = redis ? await hearVenue(presence) : undefined;
  const bus = redis ? await createVenueBus(presence, randomUUID()) : undefined;
  ownership = createOwnership(
    {
      db,
      catalog,
      match,
      demoEvents: eventsFile.demo,
      groupBuys: { db, catalog, payments, fingerprint, now, windowMs: config.groupBuyWindowMs, log },
      events,
      now,
      log,
      // NOTE: with Redis the drop's entries live there until saved, so they outlive this process.
      drops: { ...options.drops, ...(redis ? { gate: createRedisGate(redis) } : {}) },
      checkout,
      recoveryIntervalMs: config.recoveryIntervalMs,
      mail,
      mailRetryMs: MAIL_RETRY_MS,
    },
    { presence: keepLast(presence), ...(heard ? { heard } : {}), ...(bus ? { bus } : {}) },
  );
  try {
    if (!redis) await ownership.own();
    await hosts.start();
  } catch (e) {
    await ownership.disown();
    stopRelays();
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
    hosts,
    log,
    metrics,
    events,
    checkout,
    get venue() {
      return ownership.required().venue;
    },
    get drops() {
      return ownership.required().drops;
    },
    get eventExtras() {
      return ownership.required().eventExtras;
    },
    mail,
  };

  const moderation = createModerationBook(presence);
  const arenaDeps: ArenaDeps = {
    tokens,
    hosts,
    venueName,
    maxClients: config.maxClientsPerRoom,
    reconnectSeconds: config.reconnectSeconds,
    drain,
    loadStock: () => readStock(db),
    ...roomVenue(() => ownership.current(), heard, bus),
    log,
    metrics,
    catalog,
    squads: squadReader(db, events),
    chatFilter: createChatFilter(config.chatBlocklistFile ? readBlocklist(config.chatBlocklistFile) : []),
    isRemoved: (visitorId, nowMs) => moderation.isRemoved(visitorId, nowMs),
    stageDirect: createDirectStage(config.stageDirectListeners),
    now: options.now,
  };
  let venueOpen = true;
  const processName = () => config.processName ?? matchMaker.processId ?? 'starting';
  const health: HealthSources = {
    processName,
    pingDatabase: () => db.selectFrom('settings').select('key').limit(1).execute(),
    venueOpen: () => venueOpen,
    draining: () => drain.draining,
  };
  // NOTE: other processes' matchmakers skip this one for new shards (see placeAwayFromDraining).
  drain.onStart(() => void Promise.resolve(presence.sadd(DRAINING_KEY, matchMaker.processId)).catch(() => undefined));
  const arena = withRoomCap(arenaRoomFor(arenaDeps), config.maxRooms);
  disableColyseusCors();
  const server = defineServer({
    // NOTE: the transport's default 4 KB frame limit is below a WebRTC offer's SDP (shared/together.ts
    // SignalSend allows 20,000 characters); a larger frame closes the socket instead of getting a reply.
    transport: new QuietWebSocketTransport({ maxPayload: 32 * 1024 }, log),
    presence,
    ...(shared.driver ? { driver: shared.driver } : {}),
    logger: colyseusLogger(log),
    gracefullyShutdown: false,
    greet: false,
    // NOTE: never a draining process; with Redis, the least-loaded live one (room listings, written at once).
    selectProcessIdToCreateRoom:
      shared.driver && redis
        ? leastLoadedProcess(
            redis,
            shared.driver,
            () => matchMaker.processId,
            () => presence.smembers(DRAINING_KEY),
          )
        : placeAwayFromDraining(
            presence,
            () => matchMaker.stats.fetchAll(),
            () => matchMaker.processId,
          ),
    rooms: { arena: defineRoom(arena.Room, { deps: arenaDeps }) },
    express: (app: Application) => mountHttp(app, ctx, !options.payments && !config.stripe, health),
  });

  // With Redis: this process in the registry (the proxy routes its rooms' sockets here) and in the race for the venue.
  let membership: Membership | undefined;
  const member = async (): Promise<void> => {
    if (!redis) return;
    const owning = { owns: () => ownership.current() !== undefined, own: ownership.own, disown: ownership.disown };
    membership = await joinCluster({ redis, processId: matchMaker.processId, internalUrl: config.internalUrl, ...owning, log });
  };

  let listening = false;
  let closed: Promise<void> | undefined;
  return {
    server,
    ctx,
    database,
    drain,
    async listen(port) {
      await server.listen(port);
      listening = true;
      metrics.labelProcess(processName());
      await member();
      const http = server.transport.server;
      if (http)
        installEdge(http, {
          logger: log,
          match,
          allowedOrigins: config.allowedOrigins,
          stripe: config.stripe !== null,
          stageMediaUrl: config.stageMediaUrl,
        });
      const address = http?.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    close() {
      closed ??= (async () => {
        drain.start();
        if (listening) {
          const shards = await localShards();
          const visitors = shards.reduce((n, s) => n + s.visitors, 0);
          log.info({ shards: shards.length, visitors }, 'draining: no new seats, readiness 503, visitors told to move');
        }
        const { unfinished } = await ctx.checkout.inFlight.drain(config.drainMs);
        if (unfinished > 0)
          log.warn(`${unfinished} checkout(s) still paying at shutdown: the recovery loop settles them at the next start`);
        if (listening) await untilNoVisitors(MOVE_WAIT_MS);
        venueOpen = false;
        // NOTE: the venue stops (its drop entries saved) before the lease goes, so the next owner starts from all of it.
        await ownership.disown();
        await membership?.leave();
        bus?.close();
        heard?.close();
        stopRelays();
        if (listening) await server.gracefullyShutdown(false);
        await Promise.resolve(presence.srem(DRAINING_KEY, matchMaker.processId)).catch(() => undefined);
        await shared.close();
        await database.close();
      })();
      return closed;
    },
  };
}

function mountHttp(app: Application, ctx: AppContext, demoPay: boolean, health: HealthSources): void {
  app.disable('x-powered-by');
  // NOTE: in a cluster the visitors come through the venue's proxy on this machine (server/cluster/proxy.ts),
  // which says who they are in X-Forwarded-For; per-IP limits must count them, not the proxy.
  if (ctx.config.redisUrl) app.set('trust proxy', 'loopback');
  app.use(healthRouter(health));
  app.get(API.health, async (_req, res) => {
    await ctx.db.selectFrom('settings').select('key').limit(1).execute();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, db: ctx.dbKind });
  });
  app.get(METRICS_PATH, metricsRoute(ctx.metrics, ctx.config.metricsToken));
  app.get(API.payments, paymentsRoute(ctx.config));
  app.use(apiRouter(ctx));
  if (demoPay) app.use(demoPayRouter(ctx.db, { perMinute: ctx.config.sessionRatePerMinute, now: ctx.checkout.now }));
  app.use(staticRouter(ctx.config.distDir));
  app.use(errorHandler(ctx.log));
}

/**
 * How long a drain waits for visitors told to move to leave before the server closes their rooms.
 * NOTE: a page leaves as soon as it hears `moving` (it is the rejoin that is spread), so this only
 * covers a slow link; a page still seated after it gets close 4001 and rejoins by the same path.
 */
const MOVE_WAIT_MS = 1_000;

/** Resolves when this process's shards hold nobody, or after `ms` (the close code sends the rest on their way). */
async function untilNoVisitors(ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && (await localShards()).some((s) => s.visitors > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** This process's arena shards and their visitors, as the matchmaker lists them (for `/metrics`). */
async function localShards(): Promise<ShardCount[]> {
  const rooms = await matchMaker.query({ name: 'arena', processId: matchMaker.processId });
  return rooms.map((room) => ({ shard: room.roomId, visitors: room.clients }));
}
