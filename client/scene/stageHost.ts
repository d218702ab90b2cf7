import type { Visitor } from '../../shared/api.ts';
import { PLAYER_FLAG } from '../../shared/together.ts';

/** The parts of the app state that say who stands on the stage. */
export interface StageHostState {
  visitor: Pick<Visitor, 'role' | 'hostEventId' | 'name'> | null;
  venueEvent: { id: string } | null;
  remoteFlags: Readonly<Record<string, number>>;
  visitors: Readonly<Record<string, { name: string }>>;
  selfId: string | null;
}

/** Marks this visitor themself as the host in {@link stageHostId}'s answer. */
export const SELF = 'self';

/**
 * Who the stage's spotlight and name plate follow: `SELF` when this visitor is the arena event's
 * invited host, else the session id of the player the server flagged as host, else '' (nobody).
 */
export function stageHostId(s: StageHostState): string {
  if (s.visitor?.role === 'eventHost' && s.venueEvent && s.visitor.hostEventId === s.venueEvent.id) return SELF;
  for (const [id, flags] of Object.entries(s.remoteFlags)) {
    if (id !== s.selfId && (flags & PLAYER_FLAG.host) !== 0) return id;
  }
  return '';
}

/** The host's name for the plate ('' when nobody stands there). */
export function stageHostName(s: StageHostState): string {
  const id = stageHostId(s);
  if (id === SELF) return s.visitor?.name ?? '';
  return id ? (s.visitors[id]?.name ?? '') : '';
}
