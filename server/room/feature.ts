import type { Client, ClientArray, Presence } from '@colyseus/core';
import type { z } from 'zod';
import type { Visitor } from '../../shared/api.ts';
import type { ClientMessages, ErrorBody } from '../../shared/protocol.ts';
import type { ArenaState, Player } from '../../shared/state.ts';
import type { Emitter } from '../domain/events.ts';
import type { MemberProfile } from '../domain/squads.ts';
import type { ArenaDeps } from './deps.ts';
import type { SeatHolds } from './seatHolds.ts';

/** A connection to the room, authenticated as a visitor. */
export type ArenaClient = Client<{ auth: Visitor }>;

/** Every message name a client may send. */
export type ClientMessageName = keyof typeof ClientMessages;

/** A client message as its handler gets it: validated against its schema, with the sender's player. */
export interface Inbound<K extends ClientMessageName> {
  client: ArenaClient;
  visitor: Visitor;
  player: Player;
  data: z.infer<(typeof ClientMessages)[K]>;
  /** Server time when the message arrived (ms since the epoch). */
  now: number;
}

/**
 * Applies one message. Returns nothing when it was applied, or the error the sender gets back when
 * it changed nothing (see `dispatch` for what happens to that error). A handler never throws for bad
 * input: the payload already passed its schema, and rules it breaks are answered, not thrown.
 */
export type Handler<K extends ClientMessageName> = (message: Inbound<K>) => ErrorBody | undefined;

/** Handlers by message name; the room's table has exactly one per client message. */
export type MessageTable = { [K in ClientMessageName]: Handler<K> };

/**
 * Messages the room drops above a rate, before validation: counted as `dropped`, not answered one by
 * one; the sender hears `notice` at most once a second. (Features whose limit is part of their rules
 * answer with `rate_limited` from their handler instead.)
 */
export interface DropAbove {
  perSecond: number;
  burst: number;
  notice: string;
}

/** What one shard says between its own features (in process, never across shards). */
export interface RoomEvents {
  /** A visitor changed their name or colour. */
  renamed: MemberProfile;
  /** A visitor talked to others (a voice signal, a nearby chat): interest keeps them at full rate. */
  talked: { from: string; to: readonly string[] };
}

/** The parts of one room shard a feature may use. */
export interface RoomParts {
  roomId: string;
  state: ArenaState;
  clients: ClientArray<ArenaClient>;
  presence: Presence;
  deps: ArenaDeps;
  events: Emitter<RoomEvents>;
  /** Seats of dropped visitors waiting for their page to reconnect. */
  holds: Pick<SeatHolds, 'releaseVisitor'>;
}

/** One feature's part in one room shard: its message handlers and lifecycle hooks, all optional. */
export interface FeatureHooks {
  messages?: Partial<MessageTable>;
  dropAbove?: Partial<Record<ClientMessageName, DropAbove>>;
  /** Subscribes to presence, reads what the shard starts from. Run in feature order. */
  onCreate?(): void | Promise<void>;
  /** After the visitor's player is in the state. */
  onJoin?(client: ArenaClient, player: Player, now: number): void;
  /** After the visitor's player left the state (the player is passed as it was). */
  onLeave?(client: ArenaClient, player: Player): void;
  onDispose?(): void;
}

/** A room feature: called once per shard when the shard opens. */
export type RoomFeature = (room: RoomParts) => FeatureHooks;
