import type { Visitor } from './api.ts';

/**
 * Who may run a launch event (move its phases, open its drop and raffle, push offers, pick questions):
 * the venue admin (role `host`, a session started with `ADMIN_TOKEN`) for every event. Server and
 * client ask the same question: the server to refuse a command, the client to show the host bar.
 */
export function mayHostEvent(visitor: Pick<Visitor, 'role'> | null | undefined, _eventId: string): boolean {
  return visitor?.role === 'host';
}
