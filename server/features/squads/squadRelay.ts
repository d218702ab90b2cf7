import type { Visitor } from '../../../shared/api.ts';
import { ErrorCode, MSG, type ErrorBody } from '../../../shared/protocol.ts';
import type { SquadShowEvent, SquadShowSend } from '../../../shared/together.ts';
import type { CatalogIndex } from '../../domain/catalog.ts';
import type { Log } from '../../ops/logger.ts';
import { personalise, type MemberProfile, type SquadRecord } from '../../domain/squads.ts';
import { createTokenBucket, type TokenBucket } from '../../room/rateGate.ts';
import { send, type Recipient } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';

/** "Show to squad" a visitor may send: a few in a row, then one every two seconds. */
export const SQUAD_SHOW_RATE = { perSecond: 0.5, burst: 3 } as const;

/** What a shard needs to read squads (a thin layer over server/domain/squads.ts). */
export interface SquadReader {
  read(squadId: string): Promise<SquadRecord | null>;
  squadOf(visitorId: string): Promise<string | null>;
  /** Changes how a member shows in their squad and tells the venue; resolves to their squad id when something changed. */
  rename(member: MemberProfile): Promise<string | null>;
}

/** The presence calls the relay makes (Colyseus `Presence`). */
export interface SquadPresence {
  subscribe(topic: string, callback: (data: never) => void): Promise<unknown>;
  unsubscribe(topic: string, callback: (data: never) => void): unknown;
  publish(topic: string, data: unknown): unknown;
}

/** A connected client as the relay sees it. */
export interface SquadClient extends Recipient {
  sessionId: string;
  auth?: Visitor;
}

/** The shard's clients and the players' `squad` and `name` fields. */
export interface SquadShard {
  clients: Iterable<SquadClient>;
  players: { get(sessionId: string): { squad: string; name: string } | undefined };
}

/**
 * A squad changed (`CHANNEL.squads`): its id and its members' visitor ids after the change. Those who
 * just left are not named: a shard knows them by their `Player.squad`.
 */
export interface SquadNote {
  squadId: string;
  members: string[];
}

interface ShowNote {
  squadId: string;
  fromVisitor: string;
  event: SquadShowEvent;
}

/**
 * One shard's part in squads: keeps `Player.squad` current and sends each member in the shard their
 * personalised `SquadView` whenever the squad changes anywhere in the venue (the squad notifier
 * publishes a `SquadNote` on `CHANNEL.squads` from the domain's events; a shard holding none of its
 * members, nor anyone who was in it, reads nothing), and relays "show to squad" to squad mates in every shard.
 */
export function createSquadRelay(reader: SquadReader, presence: SquadPresence, shard: SquadShard, log: Log) {
  // NOTE: reads of one squad can finish out of order; only the newest read per squad is applied.
  const latest = new Map<string, number>();
  let seq = 0;
  const buckets = new WeakMap<object, TokenBucket>();

  const clientsOf = (visitorId: string) => [...shard.clients].filter((c) => c.auth?.id === visitorId);
  const sessionOf = (visitorId: string) => clientsOf(visitorId)[0]?.sessionId ?? null;

  const refresh = async (squadId: string) => {
    const mine = ++seq;
    latest.set(squadId, mine);
    const record = await reader.read(squadId);
    if (latest.get(squadId) !== mine) return;
    latest.delete(squadId);
    const members = new Set(record?.members.map((m) => m.visitorId));
    for (const client of shard.clients) {
      const player = shard.players.get(client.sessionId);
      const visitorId = client.auth?.id;
      if (!player || !visitorId) continue;
      if (record && members.has(visitorId)) {
        player.squad = squadId;
        send(client, MSG.squad, personalise(record, visitorId, sessionOf));
      } else if (player.squad === squadId) {
        player.squad = '';
        send(client, MSG.squad, null);
      }
    }
  };

  const update = (squadId: string) => {
    refresh(squadId).catch((err) => log.error({ err }, `squad ${squadId}: refresh failed`));
  };
  /** Whether anyone here is, or was until now, in the squad: only then is it worth a database read. */
  const concerns = (note: SquadNote) => {
    const members = new Set(note.members);
    for (const client of shard.clients) {
      if (client.auth && members.has(client.auth.id)) return true;
      if (shard.players.get(client.sessionId)?.squad === note.squadId) return true;
    }
    return false;
  };
  const onSquad = (note: SquadNote) => {
    if (typeof note?.squadId === 'string' && Array.isArray(note.members) && concerns(note)) update(note.squadId);
  };
  const onShow = (note: ShowNote) => {
    for (const client of shard.clients) {
      if (client.auth?.id === note.fromVisitor) continue;
      if (shard.players.get(client.sessionId)?.squad === note.squadId) send(client, MSG.squadShow, note.event);
    }
  };

  return {
    async start() {
      await presence.subscribe(CHANNEL.squads, onSquad);
      await presence.subscribe(CHANNEL.squadShow, onShow);
    },
    stop() {
      presence.unsubscribe(CHANNEL.squads, onSquad);
      presence.unsubscribe(CHANNEL.squadShow, onShow);
    },
    /** A client joined the shard: its player gets its squad, and every member here a fresh view (online state). */
    async joined(client: SquadClient) {
      const squadId = client.auth ? await reader.squadOf(client.auth.id) : null;
      if (squadId) await refresh(squadId);
    },
    /** A client left: the squad mates still here see them go offline. */
    left(squad: string) {
      if (squad) onSquad({ squadId: squad, members: [] });
    },
    /** The visitor changed name or colour: their squad mates see it (the rename publishes `squadsChanged`). */
    renamed(member: MemberProfile) {
      reader.rename(member).catch((err) => log.error({ err }, 'squad rename failed'));
    },
    /** Relays a validated "show to squad"; the answer is an error body when it goes nowhere for a reason. */
    show(client: SquadClient, data: SquadShowSend, catalog: CatalogIndex, nowMs: number): ErrorBody | undefined {
      const player = shard.players.get(client.sessionId);
      const refuse = (code: ErrorBody['code'], message: string): ErrorBody => ({ code, message, type: MSG.squadShow });
      if (!player?.squad || !client.auth) return refuse(ErrorCode.badRequest, 'you are not in a squad');
      const product = catalog.products.get(data.productId);
      if (!product?.colourways.some((c) => c.id === data.colourwayId)) {
        return refuse(ErrorCode.notFound, `no product ${data.productId} in colourway ${data.colourwayId}`);
      }
      let bucket = buckets.get(client);
      if (!bucket) {
        bucket = createTokenBucket(SQUAD_SHOW_RATE.perSecond, SQUAD_SHOW_RATE.burst, nowMs);
        buckets.set(client, bucket);
      }
      if (!bucket.take(nowMs)) return refuse(ErrorCode.rateLimited, 'showing products to the squad too often');
      const event: SquadShowEvent = { from: client.sessionId, name: player.name, ...data };
      presence.publish(CHANNEL.squadShow, { squadId: player.squad, fromVisitor: client.auth.id, event } satisfies ShowNote);
      return undefined;
    },
  };
}

export type SquadRelay = ReturnType<typeof createSquadRelay>;
