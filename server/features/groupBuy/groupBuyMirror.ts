import type { MapSchema } from '@colyseus/schema';
import { GroupBuyProgress } from '../../../shared/state.ts';
import type { GroupBuysSnapshot } from '../../domain/groupBuy/rows.ts';

/**
 * Returns the listener that copies the venue's open groups into one shard's `state.groupBuys`: a
 * snapshot older than the last one applied is ignored; products without an open group are removed.
 */
export function mirrorGroupBuys(groupBuys: MapSchema<GroupBuyProgress>): (snapshot: GroupBuysSnapshot) => void {
  let seq = -1;
  return (snapshot) => {
    if (snapshot.seq <= seq) return;
    seq = snapshot.seq;
    for (const productId of [...groupBuys.keys()]) {
      if (!(productId in snapshot.groups)) groupBuys.delete(productId);
    }
    for (const [productId, group] of Object.entries(snapshot.groups)) {
      const progress = groupBuys.get(productId);
      if (progress) progress.assign(group);
      else groupBuys.set(productId, new GroupBuyProgress().assign(group));
    }
  };
}
