import type { SliceCreator } from './createAppStore.ts';

/** Which panel is open. One model per panel; DOM skin on desktop/phone, in-world skin in XR later. */
export type Panel =
  | 'none'
  | 'product'
  | 'cart'
  | 'checkout'
  | 'confirmation'
  | 'orders'
  | 'order'
  | 'settings'
  | 'squad'
  | 'chat'
  | 'events'
  | 'qna'
  | 'directory'
  /** The match's moments already over ("From the match"). */
  | 'fromMatch';

export interface UiSlice {
  panel: Panel;
  /** The product whose card is open (or being inspected). */
  productId: string | null;
  /** Chosen colourway and size per product id. */
  choice: Readonly<Record<string, { colourwayId: string; size: string | null }>>;
  /** True while the product is brought close to be turned and zoomed. */
  inspecting: boolean;
  /** The product under the pointer (changes only when the target changes, not per frame). */
  hoveredProductId: string | null;
  /** A short message for the visitor (i18n key + params), e.g. an error from the server. */
  notice: { key: string; params?: Record<string, string | number> } | null;
  /** The order the order page shows. */
  orderId: string | null;
  /** Opens the order page on one order (from the orders list or a receipt's link). */
  openOrder: (orderId: string) => void;
  openProduct: (productId: string) => void;
  /** Makes a product the current one without opening its card (e.g. the one shown in AR). */
  focusProduct: (productId: string) => void;
  openPanel: (panel: Panel) => void;
  closePanel: () => void;
  chooseColourway: (productId: string, colourwayId: string) => void;
  chooseSize: (productId: string, size: string) => void;
  setInspecting: (inspecting: boolean) => void;
  setHovered: (productId: string | null) => void;
  showNotice: (notice: UiSlice['notice']) => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  panel: 'none',
  productId: null,
  choice: {},
  inspecting: false,
  hoveredProductId: null,
  notice: null,
  orderId: null,
  openOrder: (orderId) => set({ panel: 'order', orderId, inspecting: false }),
  openProduct: (productId) => set({ panel: 'product', productId, inspecting: false }),
  focusProduct: (productId) => set({ productId }),
  openPanel: (panel) => set({ panel, inspecting: false }),
  closePanel: () => set({ panel: 'none', inspecting: false }),
  chooseColourway: (productId, colourwayId) =>
    set((s) => ({ choice: { ...s.choice, [productId]: { colourwayId, size: s.choice[productId]?.size ?? null } } })),
  chooseSize: (productId, size) => {
    const product = get().catalog?.products.find((p) => p.id === productId);
    const colourwayId = get().choice[productId]?.colourwayId ?? product?.colourways[0]?.id ?? '';
    set((s) => ({ choice: { ...s.choice, [productId]: { colourwayId, size } } }));
  },
  setInspecting: (inspecting) => set({ inspecting }),
  setHovered: (hoveredProductId) => {
    if (get().hoveredProductId !== hoveredProductId) set({ hoveredProductId });
  },
  showNotice: (notice) => set({ notice }),
});

/** True when a panel covers the view, so walking and pointer-lock look should pause. */
export function isPanelOpen(panel: Panel): boolean {
  return panel !== 'none';
}
