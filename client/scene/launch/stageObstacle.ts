import type { ServerClock } from '../../net/serverClock.ts';
import type { AppStore } from '../../state/createAppStore.ts';
import { type RevealSpan, spanOf, stageIsUp } from './revealTimeline.ts';

/**
 * "Does the launch stage stand out of the floor now?" for walking collision (client/xr/collision.ts
 * `arenaWalkArea`): the arena's event on the server's clock, the same timeline the stage is drawn from.
 * @example const area = useMemo(() => arenaWalkArea(stageUpOnClock(store, serverClock)), [store, serverClock]);
 */
export function stageUpOnClock(store: AppStore, clock: ServerClock): () => boolean {
  const span: RevealSpan = { revealMs: 1, untilEndMs: 1 };
  return () => {
    const event = store.getState().venueEvent;
    return !!event && stageIsUp(clock.now() - event.startsAtMs, spanOf(event, span));
  };
}

/**
 * "Does the raised stage keep this visitor off?": up, and they are not the shown event's invited host
 * (who stands on it). The same rule as the server's `keepOffStage` (server/features/pose/players.ts).
 */
export function stageBlocksOnClock(store: AppStore, clock: ServerClock): () => boolean {
  const up = stageUpOnClock(store, clock);
  return () => {
    const { visitor, venueEvent } = store.getState();
    const stageHost = visitor?.role === 'eventHost' && !!venueEvent && visitor.hostEventId === venueEvent.id;
    return !stageHost && up();
  };
}
