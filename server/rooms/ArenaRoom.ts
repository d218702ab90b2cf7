import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import type { Visitor } from '../../shared/api.ts';
import { POSE_RATE_LIMIT_HZ } from '../../shared/pose.ts';
import { ErrorCode, MSG, type ErrorBody, type MatchControl, type TimePong } from '../../shared/protocol.ts';
import { ArenaState, MatchClock } from '../../shared/state.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { StockChanges } from '../domain/stock.ts';
import type { MatchSnapshot, VenueMatch } from '../match/venueMatch.ts';
import { mirrorGroupBuys } from '../groupBuy/groupBuyMirror.ts';
import type { GroupBuysSnapshot, VenueGroupBuys } from '../groupBuy/venueGroupBuys.ts';
import { parseClientMessage } from './clientMessages.ts';
import { applyPose, spawnPlayer } from './players.ts';
import { createThrottle, createTokenBucket, type TokenBucket } from './rateGate.ts';
import { createSignalRelay } from '../together/signal.ts';
import type { CatalogIndex } from '../domain/catalog.ts';
import { createAvatarGate } from '../together/avatar.ts';
import { createSquadRelay, type SquadReader, type SquadRelay } from '../together/squadRelay.ts';
import { createChatShard, type ChatShard } from '../together/chatShard.ts';
import type { ChatFilter } from '../together/chatFilter.ts';
import { chatPort } from './chatPort.ts';

/** Presence channel on which every shard of the venue hears stock changes. */
export const STOCK_CHANNEL = 'venue:stock';
/** Presence channel on which every shard of the venue hears the match clock change. */
export const MATCH_CHANNEL = 'venue:match';
/** Presence channel on which every shard of the venue hears the open group buys (`GroupBuysSnapshot`). */
export const GROUP_BUY_CHANNEL = 'venue:groupBuys';

/** Clock-sync pings a client may send: a handful at join, then one every few seconds. */
export const TIME_RATE_LIMIT = { perSecond: 5, burst: 10 } as const;

export interface ArenaDeps {
  tokens: TokenService;
  venueName: string;
  maxClients: number;
  /** Current stock of every SKU (read once when a shard opens). */
  loadStock(): Promise<StockChanges>;
  /** The venue's match clock (venue-wide: changes reach every shard on `MATCH_CHANNEL`). */
  match: Pick<VenueMatch, 'snapshot' | 'control'>;
  /** The venue's open group buys (venue-wide: changes reach every shard on `GROUP_BUY_CHANNEL`). */
  groupBuys: Pick<VenueGroupBuys, 'snapshot'>;
  log(message: string, err?: unknown): void;
  /** The catalog, to check what is shown to a squad or tried on. */
  catalog: CatalogIndex;
  /** Squad reads (members, their carts); changes reach every shard on `SQUAD_CHANNEL`. */
  squads: SquadReader;
  /** The venue's chat word filter (English and Chinese, plus CHAT_BLOCKLIST_FILE). */
  chatFilter: ChatFilter;
  /** The clock of rate limits and bans (tests move it instead of waiting); Date.now by default. */
  now?: () => number;
}

/** Per-connection bookkeeping: rate limits and counters of what the client sent. */
interface Session {
  poses: TokenBucket;
  timePings: TokenBucket;
  /** Error replies are budgeted too, so a flood of junk cannot make the room flood back. */
  errors: TokenBucket;
  rateLimitedNotice: Record<RateLimited, (nowMs: number) => boolean>;
  applied: number;
  dropped: number;
  rejected: number;
}

type ArenaClient = Client<{ auth: Visitor }>;
type RateLimited = typeof MSG.pose | typeof MSG.time;

/** Builds the ArenaRoom class for one app instance (rooms are created by the matchmaker, so deps are closed over). */
export function arenaRoom(deps: ArenaDeps) {
  const clock = deps.now ?? Date.now;
  return class ArenaRoom extends Room<{ state: ArenaState; client: ArenaClient }> {
    maxClients = deps.maxClients;
    state = new ArenaState();
    /** Per-session counters; integration tests read them to see what was applied or dropped. */
    sessions = new Map<string, Session>();
    #spawnSeed = Math.floor(Math.random() * 360);
    #matchSeq = -1;
    // NOTE: kept so that dispose removes this shard's listeners only; `unsubscribe(topic)` without a
    // callback would remove every shard's listener on the same presence.
    #onStock?: (changes: StockChanges) => void;
    #onMatch = (snapshot: MatchSnapshot) => this.applyMatch(snapshot);
    #onGroupBuys?: (snapshot: GroupBuysSnapshot) => void;
    #signals = createSignalRelay();
    #squads?: SquadRelay;
    // NOTE: a name is shown to everyone, so it passes the chat word filter whole or not at all.
    #avatar = createAvatarGate({ catalog: deps.catalog, nameAllowed: (name) => deps.chatFilter.clean(name) === name });
    #chat?: ChatShard;

    async onCreate() {
      this.state.venueName = deps.venueName;
      this.state.match = new MatchClock();
      // NOTE: subscribe before reading so no change between the read and the subscription is lost.
      // A match snapshot carries `seq`, so whichever copy is older is ignored; stock changes that
      // arrive meanwhile are applied after the snapshot, which is older or equal.
      await this.presence.subscribe(MATCH_CHANNEL, this.#onMatch);
      this.applyMatch(deps.match.snapshot());
      this.#onGroupBuys = mirrorGroupBuys(this.state.groupBuys);
      await this.presence.subscribe(GROUP_BUY_CHANNEL, this.#onGroupBuys);
      this.#onGroupBuys(deps.groupBuys.snapshot());
      const early: StockChanges[] = [];
      let ready = false;
      this.#onStock = (changes) => {
        if (ready) this.applyStock(changes);
        else early.push(changes);
      };
      await this.presence.subscribe(STOCK_CHANNEL, this.#onStock);
      this.applyStock(await deps.loadStock());
      for (const changes of early) this.applyStock(changes);
      ready = true;

      this.#squads = createSquadRelay(
        deps.squads,
        this.presence,
        { clients: this.clients, players: this.state.players },
        deps.log,
      );
      await this.#squads.start();
      this.#chat = createChatShard(chatPort(this, { filter: deps.chatFilter, log: deps.log }));
      await this.#chat.open();

      this.onMessage(MSG.pose, (client, payload) => this.receive(client, MSG.pose, payload));
      this.onMessage('*', (client, type, payload) => this.receive(client, type, payload));
    }

    async onAuth(_client: ArenaClient, options: unknown, context: AuthContext) {
      const fromOptions = (options as { token?: unknown } | undefined)?.token;
      const token = typeof fromOptions === 'string' ? fromOptions : context.token;
      const visitor = await deps.tokens.verify(token);
      if (!visitor) throw new ServerError(401, 'a valid visitor token is required');
      if (this.#chat && !(await this.#chat.admits(visitor.id, clock()))) {
        throw new ServerError(403, 'the venue admin removed this visitor; try again later');
      }
      return visitor;
    }

    onJoin(client: ArenaClient) {
      const visitor = client.auth as Visitor;
      this.#spawnSeed = (this.#spawnSeed + 37) % 360;
      this.state.players.set(client.sessionId, spawnPlayer(visitor, this.#spawnSeed));
      const now = clock();
      this.sessions.set(client.sessionId, {
        poses: createTokenBucket(POSE_RATE_LIMIT_HZ, POSE_RATE_LIMIT_HZ, now),
        timePings: createTokenBucket(TIME_RATE_LIMIT.perSecond, TIME_RATE_LIMIT.burst, now),
        errors: createTokenBucket(10, 30, now),
        rateLimitedNotice: { [MSG.pose]: createThrottle(1000), [MSG.time]: createThrottle(1000) },
        applied: 0,
        dropped: 0,
        rejected: 0,
      });
      this.#squads?.joined(client).catch((err) => deps.log('squad lookup on join failed', err));
      this.#chat?.join(client.sessionId, visitor.id, now).catch((err) => deps.log('mute lookup on join failed', err));
    }

    onLeave(client: ArenaClient) {
      const squad = this.state.players.get(client.sessionId)?.squad ?? '';
      this.state.players.delete(client.sessionId);
      this.#squads?.left(squad);
      this.sessions.delete(client.sessionId);
      this.#chat?.leave(client.sessionId);
    }

    onDispose() {
      if (this.#onStock) this.presence.unsubscribe(STOCK_CHANNEL, this.#onStock);
      this.presence.unsubscribe(MATCH_CHANNEL, this.#onMatch);
      this.#squads?.stop();
      if (this.#onGroupBuys) this.presence.unsubscribe(GROUP_BUY_CHANNEL, this.#onGroupBuys);
      this.#chat?.close();
    }

    onUncaughtException(error: Error, methodName: string) {
      // NOTE: a rejected token is an expected outcome (the join fails with 401), not a fault.
      if (methodName === 'onAuth' && [401, 403].includes((error.cause as { code?: number } | undefined)?.code ?? 0)) return;
      deps.log(`ArenaRoom ${this.roomId}: uncaught exception in ${methodName}`, error);
    }

    /** One entry point for every client message: rate limit, validate, apply, or answer with an error. */
    receive(client: ArenaClient, type: string | number, payload: unknown) {
      const session = this.sessions.get(client.sessionId);
      const player = this.state.players.get(client.sessionId);
      if (!session || !player) return;
      const now = clock();
      if (!this.withinRate(client, session, type, now)) return;
      const parsed = parseClientMessage(type, payload);
      if (!parsed.ok) return this.reject(client, session, parsed.error, now);
      switch (parsed.type) {
        case MSG.pose:
          applyPose(player, parsed.data);
          break;
        case MSG.time:
          client.send(MSG.time, { t: parsed.data.t, server: Date.now() } satisfies TimePong);
          break;
        case MSG.matchControl: {
          const error = this.controlMatch(client, parsed.data);
          if (error) return this.reject(client, session, error, now);
          break;
        }
        case MSG.signal: {
          const route = this.#signals.route(client, this.state.players, client.sessionId, parsed.data, now);
          if (!route.ok) return this.reject(client, session, route.error, now);
          this.clients.getById(route.to)?.send(MSG.signal, route.event);
          break;
        }
        case MSG.squadShow: {
          const error = this.#squads?.show(client, parsed.data, deps.catalog, now);
          if (error) return this.reject(client, session, error, now);
          break;
        }
        case MSG.chat:
        case MSG.reaction:
        case MSG.status:
        case MSG.moderate: {
          const error = this.#chat?.receive(client.sessionId, client.auth?.role, parsed, now);
          if (error) return this.reject(client, session, error, now);
          break;
        }
        case MSG.avatar: {
          const error = this.#avatar(client, player, parsed.data, now);
          if (error) return this.reject(client, session, error, now);
          this.#squads?.renamed({ visitorId: (client.auth as Visitor).id, name: player.name, color: player.color });
          break;
        }
      }
      session.applied++;
    }

    /** Takes a token from the sender's bucket for rate-limited messages; over the limit: dropped, said once a second. */
    withinRate(client: ArenaClient, session: Session, type: string | number, now: number): boolean {
      const bucket = type === MSG.pose ? session.poses : type === MSG.time ? session.timePings : undefined;
      if (!bucket || bucket.take(now)) return true;
      session.dropped++;
      const limited = type as RateLimited;
      if (session.rateLimitedNotice[limited](now)) {
        const message =
          limited === MSG.pose
            ? `pose updates above ${POSE_RATE_LIMIT_HZ}/s are dropped`
            : `time pings above ${TIME_RATE_LIMIT.perSecond}/s are dropped`;
        this.reply(client, { code: ErrorCode.rateLimited, message, type: limited });
      }
      return false;
    }

    /** A host control of the venue's match clock; the answer is an error body when nothing changed for a reason. */
    controlMatch(client: ArenaClient, command: MatchControl): ErrorBody | undefined {
      if (client.auth?.role !== 'host') {
        return { code: ErrorCode.forbidden, message: 'only the venue host can control the match', type: MSG.matchControl };
      }
      const result = deps.match.control(command);
      return result.ok ? undefined : { code: ErrorCode.badRequest, message: result.message, type: MSG.matchControl };
    }

    reject(client: ArenaClient, session: Session, error: ErrorBody, now: number) {
      session.rejected++;
      if (session.errors.take(now)) this.reply(client, error);
    }

    reply(client: ArenaClient, error: ErrorBody) {
      client.send(MSG.error, error);
    }

    applyMatch(snapshot: MatchSnapshot) {
      if (snapshot.seq <= this.#matchSeq) return;
      this.#matchSeq = snapshot.seq;
      const { playing, anchorMs, positionMs, rate, directorAngle, momentId, revision } = snapshot;
      this.state.match.assign({ playing, anchorMs, positionMs, rate, directorAngle, momentId, revision });
    }

    applyStock(changes: StockChanges) {
      for (const [sku, stock] of Object.entries(changes)) {
        if (Number.isInteger(stock)) this.state.stock.set(sku, stock);
      }
    }
  };
}

export type ArenaRoom = InstanceType<ReturnType<typeof arenaRoom>>;
