import type { Visitor } from '../../../shared/api.ts';
import { PLAYER_FLAG } from '../../../shared/together.ts';
import type { HostAccess } from '../../auth/hostAccess.ts';

/**
 * Whether this visitor is the shown event's invited host, whom every visitor sees on the stage. The
 * venue admin may run every event but is not its brand host: no spotlight for them.
 */
export function isStageHost(
  visitor: Pick<Visitor, 'role' | 'hostEventId' | 'hostInviteId'>,
  shownEventId: string,
  hosts: Pick<HostAccess, 'mayHost'>,
): boolean {
  return visitor.role === 'eventHost' && shownEventId !== '' && hosts.mayHost(visitor, shownEventId);
}

/** A player's flags with the server-owned `host` bit set or cleared. */
export function flagsWithHost(flags: number, host: boolean): number {
  return host ? flags | PLAYER_FLAG.host : flags & ~PLAYER_FLAG.host;
}
