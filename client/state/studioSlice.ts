import type { SliceCreator } from './createAppStore.ts';

/** The inspect studio: which close-up the camera shows and which hotspot's note is open. */
export interface StudioSlice {
  /** A close-up view id of the inspected product (see client/scene/studio/closeUps.ts), or null for the whole product. */
  closeUp: string | null;
  /** The hotspot whose note is open, or null. */
  hotspotId: string | null;
  showCloseUp: (closeUp: string | null) => void;
  openHotspot: (hotspotId: string | null) => void;
}

export const createStudioSlice: SliceCreator<StudioSlice> = (set) => ({
  closeUp: null,
  hotspotId: null,
  showCloseUp: (closeUp) => set({ closeUp }),
  openHotspot: (hotspotId) => set({ hotspotId }),
});
