import type { SliceCreator } from './createAppStore.ts';
import { type DirectoryQuery, EMPTY_QUERY } from '../ui/directory/directoryLogic.ts';

/** A "Show me" in progress: the visitor is taken to this product's shelf (client/scene/ShowMeGuide.tsx). */
export interface ShowMeRequest {
  productId: string;
  /** Counts requests, so asking again for the same product starts a fresh walk. */
  seq: number;
}

export interface DirectorySlice {
  /** The store directory's search, filters and sort; kept while a card opened from it is shown. */
  directoryQuery: DirectoryQuery;
  /** Changes part of the query (the rest stays). */
  setDirectoryQuery: (patch: Partial<DirectoryQuery>) => void;
  showMe: ShowMeRequest | null;
  /** Closes any panel and takes the visitor to the product's shelf. */
  requestShowMe: (productId: string) => void;
  /** The walk arrived, or the visitor took over: the guide line goes. */
  endShowMe: () => void;
}

export const createDirectorySlice: SliceCreator<DirectorySlice> = (set, get) => ({
  directoryQuery: EMPTY_QUERY,
  setDirectoryQuery: (patch) => set((s) => ({ directoryQuery: { ...s.directoryQuery, ...patch } })),
  showMe: null,
  requestShowMe: (productId) =>
    set({ showMe: { productId, seq: (get().showMe?.seq ?? 0) + 1 }, panel: 'none', inspecting: false, productId }),
  endShowMe: () => set({ showMe: null }),
});
