import { MSG, type ServerMessages } from '../../shared/protocol.ts';
import type {
  ChatMessage,
  ModerationEvent,
  ReactionEvent,
  SignalEvent,
  SquadShowEvent,
  SquadView,
} from '../../shared/together.ts';

/**
 * Every message the server sends and its payload. NOTE: `ServerMessages` in shared/protocol.ts lists
 * `error` and `time` so far; the rest are typed here until it lists them all, and then this becomes
 * `ServerMessages` alone.
 */
export type Outbound = ServerMessages & {
  [MSG.chat]: ChatMessage;
  [MSG.reaction]: ReactionEvent;
  [MSG.signal]: SignalEvent;
  [MSG.squad]: SquadView | null;
  [MSG.squadShow]: SquadShowEvent;
  [MSG.moderation]: ModerationEvent;
};

/** Anything a message can be sent to: a Colyseus client, or a test's stand-in. */
export interface Recipient {
  send(type: string, payload: unknown): void;
}

/**
 * The one way the server sends a room message, so every type and payload is checked against
 * {@link Outbound}. A missing recipient (a client that just left) is skipped.
 */
export function send<K extends keyof Outbound & string>(to: Recipient | undefined, type: K, payload: Outbound[K]): void {
  to?.send(type, payload);
}
