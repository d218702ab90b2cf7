import { getMessageBytes, Protocol } from '@colyseus/core';
import type { ServerMessageName, ServerMessagePayload } from '../../shared/protocol.ts';

/** Anything a message can be sent to: a Colyseus client, or a test's stand-in. */
export interface Recipient {
  send(type: string, payload: unknown): void;
  /** Colyseus clients take already encoded frames (`Client.enqueueRaw`); stand-ins may not. */
  enqueueRaw?(data: Uint8Array): void;
}

/**
 * The one way the server sends a room message, so every type and payload is checked against
 * `ServerMessages` in shared/protocol.ts, the same table the client's room door validates with.
 * A missing recipient (a client that just left) is skipped.
 */
export function send<K extends ServerMessageName>(to: Recipient | undefined, type: K, payload: ServerMessagePayload<K>): void {
  to?.send(type, payload);
}

/**
 * Sends one message to many recipients, encoded once: `client.send` would pack the same payload
 * again for every recipient, which made chat and reactions cost the square of the crowd.
 * Returns how many it reached; missing recipients are skipped.
 */
export function sendToEach<K extends ServerMessageName>(
  recipients: Iterable<Recipient | undefined>,
  type: K,
  payload: ServerMessagePayload<K>,
): number {
  let frame: Uint8Array | undefined;
  let count = 0;
  for (const to of recipients) {
    if (!to) continue;
    count++;
    if (!to.enqueueRaw) {
      to.send(type, payload);
      continue;
    }
    frame ??= getMessageBytes.raw(Protocol.ROOM_DATA, type, payload);
    to.enqueueRaw(frame);
  }
  return count;
}
