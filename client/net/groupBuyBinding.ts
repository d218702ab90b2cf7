import type { GroupBuyProgress } from '../../shared/state.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { type GroupProgress, isWaitingOn } from '../state/groupBuySlice.ts';
import type { JoinedRoom } from './roomDoor.ts';

/**
 * Copies the room's open group buys (`state.groupBuys`) into the group-buy slice as one plain
 * snapshot per change. When a group the visitor is in closes (filled or expired) their commits are
 * read again, so the card can say what became of it. Returns a function that undoes it.
 */
export function bindGroupBuys({ callbacks }: JoinedRoom, store: AppStore, actions: { load(): Promise<unknown> }): () => void {
  const unbind: Array<() => void> = [];
  const live = new Map<string, GroupBuyProgress>();
  const write = () => {
    const groups: Record<string, GroupProgress> = {};
    for (const [productId, g] of live) {
      groups[productId] = { groupId: g.groupId, committed: g.committed, size: g.size, endsAt: g.endsAt };
    }
    store.getState().setGroupBuys(groups);
  };
  const changeOf = new Map<string, () => void>();
  unbind.push(
    callbacks.onAdd('groupBuys', (progress, productId) => {
      live.set(productId, progress);
      changeOf.get(productId)?.();
      changeOf.set(productId, callbacks.onChange(progress, write));
      write();
    }),
    callbacks.onRemove('groupBuys', (progress, productId) => {
      live.delete(productId);
      changeOf.get(productId)?.();
      changeOf.delete(productId);
      write();
      if (isWaitingOn(store.getState().myGroupBuys, progress.groupId)) {
        actions.load().catch(() => undefined);
      }
    }),
  );
  return () => {
    for (const off of unbind) off();
    for (const off of changeOf.values()) off();
    changeOf.clear();
    live.clear();
  };
}
