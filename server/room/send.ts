import type { ServerMessageName, ServerMessagePayload } from '../../shared/protocol.ts';

/** Anything a message can be sent to: a Colyseus client, or a test's stand-in. */
export interface Recipient {
  send(type: string, payload: unknown): void;
}

/**
 * The one way the server sends a room message, so every type and payload is checked against
 * `ServerMessages` in shared/protocol.ts, the same table the client's room door validates with.
 * A missing recipient (a client that just left) is skipped.
 */
export function send<K extends ServerMessageName>(to: Recipient | undefined, type: K, payload: ServerMessagePayload<K>): void {
  to?.send(type, payload);
}
