import type { SliceCreator } from './createAppStore.ts';

/** Aiming at products out of reach: the hint under the pointer and the offer to go there. */
export interface ReachSlice {
  /** The product under the pointer that is too far to use (its hint shows; it does not highlight). */
  farProductId: string | null;
  /** The product a click on it from afar offered to take the visitor to ("Take me there"). */
  reachOfferId: string | null;
  setFarProduct: (productId: string | null) => void;
  /** Opens (a product id) or dismisses (null) the offer to go to a product. */
  offerReach: (productId: string | null) => void;
}

export const createReachSlice: SliceCreator<ReachSlice> = (set, get) => ({
  farProductId: null,
  reachOfferId: null,
  setFarProduct: (farProductId) => {
    if (get().farProductId !== farProductId) set({ farProductId });
  },
  offerReach: (reachOfferId) => set({ reachOfferId }),
});
