import type { Application } from 'express';
import { randomUUID } from 'node:crypto';
import { defineRoom, defineServer, matchMaker } from '@colyseus/core';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { seedCatalog } from './db/seed.ts';
import { resolveSessionSecret } from './auth/secret.ts';
import { createTokenService } from './auth/tokens.ts';
import { createHostAccess } from './auth/hostAccess.ts';
import { indexCatalog, loadSeedFile } from './domain/catalog.ts';
import { createDemoProvider } from './payments/demo/demoProvider.ts';
import { createStripeProvider } from './payments/stripe/stripeProvider.ts';
import { createFingerprint } from './domain/fingerprint.ts';
import { createInFlight } from './domain/inFlight.ts';
import { createDomainEvents } from './domain/events.ts';
import { createOwnership, type Ownership } from './venue/ownership.ts';
import { sharedParts, type Shared } from './cluster/redis.ts';
import { hearVenue, keepLast } from './cluster/heard.ts';
import { createVenueBus } from './cluster/venueBus.ts';
import { roomVenue } from './cluster/roomVenue.ts';
import { joinCluster, type Membership } from './cluster/membership.ts';
import { createRedisGate } from './cluster/redisGate.ts';
import { roomPlacement } from './cluster/placement.ts';
import { CHANNEL } from './venue/channels.ts';
import { orderMailDeps } from './mail/orderMails.ts';
import { mountHttp } from './http/mount.ts';
import { localShards, MOVE_WAIT_MS, untilNoVisitors } from './ops/localShards.ts';
import { checkoutVenue } from './venue/checkoutVenue.ts';
import { readStock } from './domain/stock.ts';
import { loadMatch } from './venue/match/loadMatch.ts';
import { loadEventsFile } from './domain/launch/eventRules.ts';
import { writeFileEvents } from './domain/launch/eventStore.ts';
import { arenaRoomFor, type ArenaDeps } from './room/ArenaRoom.ts';
import { squadReader } from './features/squads/squadNotifier.ts';
import { startProcessRelays } from './features/processRelays.ts';
import { createChatFilter, readBlocklist } from './features/chat/chatFilter.ts';
import { createModerationBook } from './features/moderation/moderation.ts';
import { colyseusLogger, createLogger } from './ops/logger.ts';
import { createMetrics } from './ops/metrics.ts';
import { createDrain } from './ops/drain.ts';
import { DRAINING_KEY } from './ops/drainPlacement.ts';
import type { HealthSources } from './ops/healthRoutes.ts';
import { timedPayments } from './ops/timedPayments.ts';
import { disableColyseusCors, QuietWebSocketTransport } from './edge/colyseus.ts';
import { installEdge } from './edge/index.ts';
import { withRoomCap } from './edge/roomCap.ts';
import { createDirectStage } from './features/stageVoice/directStage.ts';
import type { Courtside, CourtsideOptions } from './courtside.ts';

export type { Courtside, CourtsideOptions } from './courtside.ts';

/** How often receipts and refund notices still owed (a failed send, a crash before sending) are tried again. */
const MAIL_RETRY_MS = 60_000;

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

  // NOTE: with Redis, snapshots heard from the owner and commands forwarded to it; made before any shard opens.
  const heard = redis ? await hearVenue(presence) : undefined;
  const bus = redis ? await createVenueBus(presence, randomUUID()) : undefined;
  // The venue's singletons run in one process: this one alone, or the holder of the cluster's lease.
  // NOTE: checkouts are taken in any process: checkoutVenue.ts asks the owner here, or what was heard of it.
  let ownership: Ownership;
  const venueForCheckout = checkoutVenue({ owner: () => ownership.current(), heard, bus, db, now, log });
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
    livePrice: venueForCheckout.livePrice,
    drops: venueForCheckout.drops,
  };
  const mail = orderMailDeps(config, db, catalog, log);
  const stopProcessRelays = startProcessRelays({ events, db, presence, log, mail, venue: venueForCheckout });

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
    await stopProcessRelays();
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
    selectProcessIdToCreateRoom: roomPlacement(presence, redis, shared.driver),
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
        await stopProcessRelays();
        mail.mailer.close();
        if (listening) await server.gracefullyShutdown(false);
        await Promise.resolve(presence.srem(DRAINING_KEY, matchMaker.processId)).catch(() => undefined);
        await shared.close();
        await database.close();
      })();
      return closed;
    },
  };
}
