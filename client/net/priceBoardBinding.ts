import type { Currency } from '../../shared/money.ts';
import type { SpecialKind, SpecialPrice } from '../../shared/offers.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { ShownOffer } from '../state/offersSlice.ts';
import type { JoinedRoom } from './roomDoor.ts';

/**
 * Copies the room's price board (`state.offers`, `state.prices`) into the offers slice as one plain
 * snapshot per patch: any add, change or removal in either map rewrites both, once per microtask
 * (a board change arrives as one patch of many entries). Returns a function that undoes it.
 */
export function bindPriceBoard({ room, callbacks }: JoinedRoom, store: AppStore): () => void {
  let queued = false;
  let bound = true;
  const write = () => {
    queued = false;
    // NOTE: the write is a microtask: the room may have been left (or have no state yet) by then.
    if (!bound || !room.state) return;
    const { offers, prices } = room.state;
    const shown: ShownOffer[] = [];
    offers?.forEach((o) => {
      shown.push({
        id: o.id,
        eventId: o.eventId,
        percentOff: o.percentOff,
        category: o.category,
        productIds: [...o.productIds],
        startsAtMs: o.startsAtMs,
        endsAtMs: o.endsAtMs,
      });
    });
    const special: Record<string, SpecialPrice> = {};
    prices?.forEach((p, key) => {
      special[key] = {
        productId: p.productId,
        currency: p.currency as Currency,
        amount: p.amount,
        regular: p.regular,
        kind: p.kind as SpecialKind,
        endsAtMs: p.endsAtMs,
        offerId: p.offerId,
      };
    });
    store.getState().setPriceBoard(shown, special);
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(write);
  };
  const unbind: Array<() => void> = [];
  const itemChanges = new Map<object, () => void>();
  const watch = (item: object) => {
    itemChanges.get(item)?.();
    itemChanges.set(item, callbacks.onChange(item as never, queue));
    queue();
  };
  const forget = (item: object) => {
    itemChanges.get(item)?.();
    itemChanges.delete(item);
    queue();
  };
  unbind.push(
    callbacks.onAdd('offers', (offer) => {
      watch(offer);
      unbind.push(callbacks.onAdd(offer, 'productIds', queue), callbacks.onRemove(offer, 'productIds', queue));
    }),
    callbacks.onRemove('offers', forget),
    callbacks.onAdd('prices', watch),
    callbacks.onRemove('prices', forget),
  );
  queue();
  return () => {
    bound = false;
    for (const off of unbind) off();
    for (const off of itemChanges.values()) off();
    itemChanges.clear();
    store.getState().setPriceBoard([], {});
  };
}
