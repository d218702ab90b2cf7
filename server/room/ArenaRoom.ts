import { Room, ServerError, type AuthContext } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import type { Visitor } from '../../shared/api.ts';
import { ArenaState } from '../../shared/state.ts';
import { createEmitter } from '../domain/events.ts';
import { avatarFeature } from '../features/avatar/avatarFeature.ts';
import { cartFeature } from '../features/cart/cartFeature.ts';
import { dropFeature } from '../features/drop/dropFeature.ts';
import { eventExtrasFeature } from '../features/eventExtras/eventExtrasFeature.ts';
import { chatFeature } from '../features/chat/chatFeature.ts';
import { clockFeature } from '../features/clock/clockFeature.ts';
import { groupBuyFeature } from '../features/groupBuy/groupBuyFeature.ts';
import { eventFeature } from '../features/event/eventFeature.ts';
import { pricesFeature } from '../features/prices/pricesFeature.ts';
import { interestFeature } from '../features/interest/interestFeature.ts';
import { hostFeature } from '../features/host/hostFeature.ts';
import { matchFeature } from '../features/match/matchFeature.ts';
import { moderationFeature } from '../features/moderation/moderationFeature.ts';
import { movingFeature } from '../features/moving/movingFeature.ts';
import { spawnPlayer } from '../features/pose/players.ts';
import { poseFeature } from '../features/pose/poseFeature.ts';
import { presenceFeature } from '../features/presence/presenceFeature.ts';
import { qnaFeature } from '../features/qna/qnaFeature.ts';
import { reactionFeature } from '../features/reaction/reactionFeature.ts';
import { signalFeature } from '../features/signal/signalFeature.ts';
import { stageSignalFeature } from '../features/stageVoice/stageSignalFeature.ts';
import { squadsFeature } from '../features/squads/squadsFeature.ts';
import { statusFeature } from '../features/status/statusFeature.ts';
import { stockFeature } from '../features/stock/stockFeature.ts';
import { dispatch, dropRates, messageTable } from './dispatch.ts';
import type {
  ArenaClient,
  ClientMessageName,
  DropAbove,
  FeatureHooks,
  MessageTable,
  RoomEvents,
  RoomFeature,
} from './feature.ts';
import { createSession, type Session } from './session.ts';
import { createSeatHolds, isNetworkDrop } from './seatHolds.ts';
import type { ArenaDeps } from './deps.ts';

export type { ArenaDeps } from './deps.ts';

/**
 * The encoder's buffer must hold a shard's whole state (every player's looks and far pose, the stock).
 * NOTE: with per-visitor views (server/features/interest/), @colyseus/core 0.18's `getFullState`
 * writes a joining visitor's view after the shared full state in its own `fullEncodeBuffer`, which is
 * never replaced when the state outgrows it: past 16 KB (about 200 players) a joining visitor decoded
 * garbage. 512 KB holds several thousand players.
 */
Encoder.BUFFER_SIZE = 512 * 1024;

/**
 * The room's features, in the order their hooks run. Each comes from its own folder under
 * server/features/ and brings the handlers of the messages it owns: pose · time (clock) · match
 * (host controls) · hostPhase (host: the event's host, phase moves, the stage) · chat · qnaAsk, qnaVote, pollVote, qnaHost (qna) · reaction · status · signal · stageSignal (the direct stage voice) · avatar · squadShow (squads) · moderate
 * (moderation). Stock, group buys and the launch event only mirror venue state; cart sends visitors their live cart;
 * presence keeps one connection per visitor; moving tells visitors to move when the process drains; interest
 * (last) chooses whose fine pose each visitor receives.
 * A new feature is one more line here.
 */
export const ARENA_FEATURES: readonly RoomFeature[] = [
  poseFeature,
  clockFeature,
  matchFeature,
  eventFeature,
  pricesFeature,
  hostFeature,
  groupBuyFeature,
  stockFeature,
  squadsFeature,
  chatFeature,
  reactionFeature,
  statusFeature,
  moderationFeature,
  signalFeature,
  stageSignalFeature,
  avatarFeature,
  cartFeature,
  dropFeature,
  eventExtrasFeature,
  qnaFeature,
  presenceFeature,
  movingFeature,
  interestFeature,
];

/** `onCreate`'s options: Colyseus merges these (from `defineRoom`) over the client's, so a client cannot replace them. */
export interface ArenaOptions {
  deps: ArenaDeps;
}

/**
 * One shard of the venue. The room only wires: it opens the features, seats visitors and hands every
 * message to `dispatch` through the one table the features filled. What a message does lives in
 * its feature's folder; venue-wide state arrives through presence (see server/venue/).
 */
export class ArenaRoom extends Room<{ state: ArenaState; client: ArenaClient }> {
  state = new ArenaState();
  /** Per-session counters; integration tests read them to see what was applied or dropped. */
  sessions = new Map<string, Session>();
  #deps?: ArenaDeps;
  #features: FeatureHooks[] = [];
  #table?: MessageTable;
  #dropAbove = new Map<ClientMessageName, DropAbove>();
  #spawnSeed = Math.floor(Math.random() * 360);
  #holds = createSeatHolds();
  #stopDrain?: () => void;

  async onCreate({ deps }: ArenaOptions) {
    this.#deps = deps;
    this.maxClients = deps.maxClients;
    this.state.venueName = deps.venueName;
    const parts = {
      roomId: this.roomId,
      state: this.state,
      clients: this.clients,
      presence: this.presence,
      deps,
      events: createEmitter<RoomEvents>((name, err) => deps.log.error({ err }, `room event ${String(name)} failed`)),
      holds: this.#holds,
    };
    this.#features = ARENA_FEATURES.map((feature) => feature(parts));
    this.#table = messageTable(this.#features);
    this.#dropAbove = dropRates(this.#features);
    for (const feature of this.#features) await feature.onCreate?.();
    this.onMessage('*', (client, type, payload) => this.receive(client, type, payload));
    // NOTE: a locked shard is not offered by any process's matchmaker; its visitors are told to move
    // (movingFeature), and seats held for dropped ones are given up: their pages rejoin elsewhere.
    this.#stopDrain = deps.drain.onStart(() => {
      void this.lock();
      this.#holds.releaseAll();
    });
  }

  /** A connection lost on the way: its player keeps its place while the page reconnects. */
  onDrop(client: ArenaClient, code?: number) {
    const seconds = this.#deps?.reconnectSeconds ?? 0;
    if (seconds <= 0 || this.#deps?.drain.draining || !isNetworkDrop(code ?? 0)) return;
    const reconnection = this.allowReconnection(client, seconds);
    this.#holds.hold(client.sessionId, (client.auth as Visitor).id, () => reconnection.reject(false));
    reconnection.then(
      () => this.#deps?.metrics.reconnection('resumed'),
      () => this.#deps?.metrics.reconnection('expired'),
    );
  }

  onReconnect(client: ArenaClient) {
    this.#holds.end(client.sessionId);
  }

  onJoin(client: ArenaClient) {
    const visitor = client.auth as Visitor;
    this.#spawnSeed = (this.#spawnSeed + 37) % 360;
    const player = spawnPlayer(visitor, this.#spawnSeed);
    this.state.players.set(client.sessionId, player);
    const now = (this.#deps?.now ?? Date.now)();
    this.sessions.set(client.sessionId, createSession(this.#dropAbove, now));
    for (const feature of this.#features) feature.onJoin?.(client, player, now);
  }

  onLeave(client: ArenaClient) {
    this.#holds.end(client.sessionId);
    const player = this.state.players.get(client.sessionId);
    this.state.players.delete(client.sessionId);
    this.sessions.delete(client.sessionId);
    if (player) for (const feature of this.#features) feature.onLeave?.(client, player);
  }

  onDispose() {
    this.#stopDrain?.();
    for (const feature of this.#features) feature.onDispose?.();
  }

  onUncaughtException(error: Error, methodName: string) {
    // NOTE: a rejected token (401, 403) or a draining process (503) is an expected outcome, not a fault.
    if (methodName === 'onAuth' && [401, 403, 503].includes((error.cause as { code?: number } | undefined)?.code ?? 0)) return;
    this.#deps?.log.error({ err: error }, `ArenaRoom ${this.roomId}: uncaught exception in ${methodName}`);
  }

  /** Every client message, from a seated visitor with a player, goes through the one dispatch. */
  receive(client: ArenaClient, type: string | number, payload: unknown) {
    const session = this.sessions.get(client.sessionId);
    const player = this.state.players.get(client.sessionId);
    if (!session || !player || !this.#table) return;
    dispatch(this.#table, { client, session, player }, type, payload, (this.#deps?.now ?? Date.now)(), this.#deps?.metrics);
  }
}

/**
 * The arena class one app registers: `ArenaRoom` with that app's seat check. The check is static, so
 * the matchmaker asks it before it finds or creates a shard and reserves a seat: a matchmake without
 * a valid token gets 401 and holds nothing, and a visitor the admin removed gets 403.
 */
export function arenaRoomFor(deps: Pick<ArenaDeps, 'tokens' | 'isRemoved' | 'now' | 'drain'>): typeof ArenaRoom {
  return class VenueArenaRoom extends ArenaRoom {
    static override async onAuth(token: string | undefined, options: unknown, _context: AuthContext): Promise<Visitor> {
      // NOTE: asked before a shard is found or made, so a draining process neither seats nor opens one.
      if (deps.drain.draining) throw new ServerError(503, 'this server is closing: join again in a moment');
      const fromOptions = (options as { token?: unknown } | undefined)?.token;
      const visitor = await deps.tokens.verify(typeof fromOptions === 'string' ? fromOptions : token);
      if (!visitor) throw new ServerError(401, 'a valid visitor token is required');
      if (await deps.isRemoved(visitor.id, (deps.now ?? Date.now)())) {
        throw new ServerError(403, 'the venue admin removed this visitor; try again later');
      }
      return visitor;
    }
  };
}
