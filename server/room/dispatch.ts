import type { Visitor } from '../../shared/api.ts';
import { ClientMessages, ErrorCode, MSG, type ErrorBody } from '../../shared/protocol.ts';
import type { Player } from '../../shared/state.ts';
import { parseClientMessage } from './clientMessages.ts';
import type { ArenaClient, ClientMessageName, DropAbove, FeatureHooks, Handler, MessageTable } from './feature.ts';
import { send } from './send.ts';
import type { Session } from './session.ts';
import type { Metrics } from '../ops/metrics.ts';

/**
 * Joins the features' handlers into the room's one message table. Two features handling one message,
 * or a client message nobody handles, is a programming error: it throws when the shard opens, so
 * every test that opens a room catches it.
 */
export function messageTable(features: readonly FeatureHooks[]): MessageTable {
  const table: Partial<Record<string, Handler<never>>> = {};
  for (const feature of features) {
    for (const [type, handler] of Object.entries(feature.messages ?? {})) {
      if (table[type]) throw new Error(`two room features handle "${type}"`);
      table[type] = handler as Handler<never>;
    }
  }
  const missing = Object.keys(ClientMessages).filter((type) => !table[type]);
  if (missing.length > 0) throw new Error(`no room feature handles ${missing.map((t) => `"${t}"`).join(', ')}`);
  return table as MessageTable;
}

/** The features' drop-above rates by message name. */
export function dropRates(features: readonly FeatureHooks[]): Map<ClientMessageName, DropAbove> {
  const rates = new Map<ClientMessageName, DropAbove>();
  for (const feature of features) {
    for (const [type, rate] of Object.entries(feature.dropAbove ?? {})) rates.set(type as ClientMessageName, rate);
  }
  return rates;
}

/** The sender of one message, as the room knows it. */
export interface Sender {
  client: ArenaClient;
  session: Session;
  player: Player;
}

/**
 * The one entry point of every client message: drop above its rate, validate, apply, or answer.
 *
 * The error-reply policy, written once here: a message that fails validation, is unknown, or breaks a
 * feature's rule gets a typed `error` message back (code, human text, the message type), is counted in
 * `session.rejected`, and changes nothing. Error replies have their own budget (`session.errors`), so
 * junk cannot make the room flood back; over it, rejections are still counted but not answered.
 *
 * NOTE: why not Colyseus's own `messages = { x: validate(schema, handler) }`: in @colyseus/core 0.18 a
 * payload failing its validator makes `RoomMessages.onData` print the stack and call
 * `client.leave(CloseCode.WITH_ERROR)`: one malformed message (an old client, a bug, a fuzzer) would
 * drop a visitor from the venue and tell them nothing. README "API": a bad message gets an error back
 * and changes nothing. So every message arrives through `onMessage('*')` and is validated here.
 */
export function dispatch(
  table: MessageTable,
  sender: Sender,
  type: string | number,
  payload: unknown,
  now: number,
  metrics?: Pick<Metrics, 'message'>,
): void {
  const { client, session, player } = sender;
  const gate = session.drops.get(String(type));
  if (gate && !gate.bucket.take(now)) {
    session.dropped++;
    metrics?.message(type, 'rate_limited');
    if (gate.notify(now)) reply(client, { code: ErrorCode.rateLimited, message: gate.notice, type: String(type) });
    return;
  }
  const parsed = parseClientMessage(type, payload);
  if (!parsed.ok) {
    reject(sender, parsed.error, now);
    metrics?.message(type, 'rejected');
    return;
  }
  const handler = table[parsed.type] as Handler<typeof parsed.type>;
  const error = handler({ client, visitor: client.auth as Visitor, player, data: parsed.data, now });
  if (error) reject(sender, error, now);
  else session.applied++;
  metrics?.message(type, error ? 'rejected' : 'applied');
}

function reject({ client, session }: Sender, error: ErrorBody, now: number): void {
  session.rejected++;
  if (session.errors.take(now)) reply(client, error);
}

function reply(client: ArenaClient, error: ErrorBody): void {
  send(client, MSG.error, error);
}
