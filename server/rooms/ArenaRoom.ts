import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import type { Visitor } from '../../shared/api.ts';
import { POSE_RATE_LIMIT_HZ } from '../../shared/pose.ts';
import { ErrorCode, MSG, type ErrorBody } from '../../shared/protocol.ts';
import { ArenaState } from '../../shared/state.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { StockChanges } from '../domain/stock.ts';
import { parseClientMessage } from './clientMessages.ts';
import { applyPose, spawnPlayer } from './players.ts';
import { createThrottle, createTokenBucket, type TokenBucket } from './rateGate.ts';

/** Presence channel on which every shard of the venue hears stock changes. */
export const STOCK_CHANNEL = 'venue:stock';

export interface ArenaDeps {
  tokens: TokenService;
  venueName: string;
  maxClients: number;
  /** Current stock of every SKU (read once when a shard opens). */
  loadStock(): Promise<StockChanges>;
  log(message: string, err?: unknown): void;
}

/** Per-connection bookkeeping: rate limits and counters of what the client sent. */
interface Session {
  poses: TokenBucket;
  /** Error replies are budgeted too, so a flood of junk cannot make the room flood back. */
  errors: TokenBucket;
  rateLimitedNotice: (nowMs: number) => boolean;
  applied: number;
  dropped: number;
  rejected: number;
}

type ArenaClient = Client<{ auth: Visitor }>;

/** Builds the ArenaRoom class for one app instance (rooms are created by the matchmaker, so deps are closed over). */
export function arenaRoom(deps: ArenaDeps) {
  return class ArenaRoom extends Room<{ state: ArenaState; client: ArenaClient }> {
    maxClients = deps.maxClients;
    state = new ArenaState();
    /** Per-session counters; integration tests read them to see what was applied or dropped. */
    sessions = new Map<string, Session>();
    #spawnSeed = Math.floor(Math.random() * 360);

    async onCreate() {
      this.state.venueName = deps.venueName;
      // NOTE: subscribe before reading so no change between the read and the subscription is lost;
      // changes that arrive meanwhile are applied after the snapshot, which is older or equal.
      const early: StockChanges[] = [];
      let ready = false;
      await this.presence.subscribe(STOCK_CHANNEL, (changes: StockChanges) => {
        if (ready) this.applyStock(changes);
        else early.push(changes);
      });
      this.applyStock(await deps.loadStock());
      for (const changes of early) this.applyStock(changes);
      ready = true;

      this.onMessage(MSG.pose, (client, payload) => this.receive(client, MSG.pose, payload));
      this.onMessage('*', (client, type, payload) => this.receive(client, type, payload));
    }

    async onAuth(_client: ArenaClient, options: unknown, context: AuthContext) {
      const fromOptions = (options as { token?: unknown } | undefined)?.token;
      const token = typeof fromOptions === 'string' ? fromOptions : context.token;
      const visitor = await deps.tokens.verify(token);
      if (!visitor) throw new ServerError(401, 'a valid visitor token is required');
      return visitor;
    }

    onJoin(client: ArenaClient) {
      const visitor = client.auth as Visitor;
      this.#spawnSeed = (this.#spawnSeed + 37) % 360;
      this.state.players.set(client.sessionId, spawnPlayer(visitor, this.#spawnSeed));
      const now = Date.now();
      this.sessions.set(client.sessionId, {
        poses: createTokenBucket(POSE_RATE_LIMIT_HZ, POSE_RATE_LIMIT_HZ, now),
        errors: createTokenBucket(10, 30, now),
        rateLimitedNotice: createThrottle(1000),
        applied: 0,
        dropped: 0,
        rejected: 0,
      });
    }

    onLeave(client: ArenaClient) {
      this.state.players.delete(client.sessionId);
      this.sessions.delete(client.sessionId);
    }

    onDispose() {
      this.presence.unsubscribe(STOCK_CHANNEL);
    }

    onUncaughtException(error: Error, methodName: string) {
      // NOTE: a rejected token is an expected outcome (the join fails with 401), not a fault.
      if (methodName === 'onAuth' && (error.cause as { code?: number } | undefined)?.code === 401) return;
      deps.log(`ArenaRoom ${this.roomId}: uncaught exception in ${methodName}`, error);
    }

    /** One entry point for every client message: rate limit, validate, apply, or answer with an error. */
    receive(client: ArenaClient, type: string | number, payload: unknown) {
      const session = this.sessions.get(client.sessionId);
      const player = this.state.players.get(client.sessionId);
      if (!session || !player) return;
      const now = Date.now();
      if (type === MSG.pose && !session.poses.take(now)) {
        session.dropped++;
        if (session.rateLimitedNotice(now)) {
          this.reply(client, {
            code: ErrorCode.rateLimited,
            message: `pose updates above ${POSE_RATE_LIMIT_HZ}/s are dropped`,
            type: MSG.pose,
          });
        }
        return;
      }
      const parsed = parseClientMessage(type, payload);
      if (!parsed.ok) {
        session.rejected++;
        if (session.errors.take(now)) this.reply(client, parsed.error);
        return;
      }
      applyPose(player, parsed.data);
      session.applied++;
    }

    reply(client: ArenaClient, error: ErrorBody) {
      client.send(MSG.error, error);
    }

    applyStock(changes: StockChanges) {
      for (const [sku, stock] of Object.entries(changes)) {
        if (Number.isInteger(stock)) this.state.stock.set(sku, stock);
      }
    }
  };
}

export type ArenaRoom = InstanceType<ReturnType<typeof arenaRoom>>;
