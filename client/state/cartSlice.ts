import type { Cart, CartLine, Order } from '../../shared/api.ts';
import { skuKey } from '../../shared/catalog.ts';
import { MAX_LINE_QUANTITY } from '../../shared/api.ts';
import type { SliceCreator } from './createAppStore.ts';

/** The cart as the client shows it; the server keeps the authoritative copy per visitor. */
export interface CartSlice {
  cartLines: readonly CartLine[];
  /** The server cart's version these lines are (an order names it; an optimistic change keeps the last one). */
  cartVersion: number;
  /** Orders of this visitor, newest first. */
  orders: readonly Order[];
  /** The order just placed (for the confirmation panel). */
  lastOrder: Order | null;
  setCartLines: (lines: readonly CartLine[]) => void;
  /** The server's cart, lines and version. */
  setCart: (cart: Cart) => void;
  /** The cart as the room says it changed (in another tab or device): taken unless older than the one shown. */
  receiveCart: (cart: Cart) => void;
  setOrders: (orders: readonly Order[]) => void;
  setLastOrder: (order: Order | null) => void;
}

export const createCartSlice: SliceCreator<CartSlice> = (set, get) => ({
  cartLines: [],
  cartVersion: 0,
  orders: [],
  lastOrder: null,
  setCartLines: (cartLines) => set({ cartLines }),
  setCart: (cart) => set({ cartLines: cart.lines, cartVersion: cart.version }),
  receiveCart: (cart) => {
    // NOTE: messages of two quick changes may cross; a version only grows, so an older one is stale.
    if (cart.version >= get().cartVersion) set({ cartLines: cart.lines, cartVersion: cart.version });
  },
  setOrders: (orders) => set({ orders }),
  setLastOrder: (lastOrder) => set({ lastOrder }),
});

/**
 * Pure cart rules shared by the UI and its tests: the lines after setting one SKU's quantity
 * (0 removes it; quantities are capped at MAX_LINE_QUANTITY).
 */
export function withLineQuantity(
  lines: readonly CartLine[],
  line: CartLine | (Omit<CartLine, 'quantity'> & { quantity: number }),
): CartLine[] {
  const key = skuKey(line);
  const quantity = Math.max(0, Math.min(MAX_LINE_QUANTITY, Math.floor(line.quantity)));
  const rest = lines.filter((l) => skuKey(l) !== key);
  if (quantity === 0) return rest;
  const existing = lines.findIndex((l) => skuKey(l) === key);
  const next = { productId: line.productId, colourwayId: line.colourwayId, size: line.size, quantity };
  if (existing === -1) return [...rest, next];
  return lines.map((l) => (skuKey(l) === key ? next : l));
}

/** Quantity of a SKU already in the cart. */
export function quantityInCart(lines: readonly CartLine[], ref: Omit<CartLine, 'quantity'>): number {
  const key = skuKey(ref);
  return lines.find((l) => skuKey(l) === key)?.quantity ?? 0;
}
