import type { AppState, SliceCreator } from './createAppStore.ts';

/** The inspect studio (which close-up the camera shows, which hotspot's note is open) and the AR hand-off. */
export interface StudioSlice {
  /** A close-up view id of the inspected product (see client/scene/studio/closeUps.ts), or null for the whole product. */
  closeUp: string | null;
  /** The hotspot whose note is open, or null. */
  hotspotId: string | null;
  /** The product a hand-off link (the desktop's QR code) opened asking for AR: its card offers AR first. */
  arHandOff: string | null;
  /** The visitor asked to see themselves wearing what they try on (a third-person camera; see showsSelf). */
  selfView: boolean;
  setSelfView: (on: boolean) => void;
  showCloseUp: (closeUp: string | null) => void;
  setArHandOff: (productId: string | null) => void;
  openHotspot: (hotspotId: string | null) => void;
}

export const createStudioSlice: SliceCreator<StudioSlice> = (set) => ({
  closeUp: null,
  hotspotId: null,
  arHandOff: null,
  selfView: false,
  setSelfView: (selfView) => set({ selfView }),
  showCloseUp: (closeUp) => set({ closeUp }),
  setArHandOff: (arHandOff) => set({ arHandOff }),
  openHotspot: (hotspotId) => set({ hotspotId }),
});

/** Whether the camera shows the visitor themselves: asked for, while trying something on with its card open. */
export function showsSelf(s: Pick<AppState, 'selfView' | 'tryOn' | 'panel' | 'inspecting'>): boolean {
  return s.selfView && s.tryOn !== null && s.panel === 'product' && !s.inspecting;
}
