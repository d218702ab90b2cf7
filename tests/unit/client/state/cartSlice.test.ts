import { describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY } from '../../../../shared/api.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { quantityInCart, withLineQuantity } from '../../../../client/state/cartSlice.ts';

const red42 = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };
const red43 = { ...red42, size: '43' };

describe('withLineQuantity', () => {
  it('adds a new SKU as a line at the end', () => {
    const lines = withLineQuantity([{ ...red43, quantity: 1 }], { ...red42, quantity: 2 });
    expect(lines).toEqual([
      { ...red43, quantity: 1 },
      { ...red42, quantity: 2 },
    ]);
  });

  it('sets (not adds to) the quantity of an existing SKU and keeps its place', () => {
    const start = [
      { ...red42, quantity: 1 },
      { ...red43, quantity: 1 },
    ];
    expect(withLineQuantity(start, { ...red42, quantity: 4 })).toEqual([
      { ...red42, quantity: 4 },
      { ...red43, quantity: 1 },
    ]);
  });

  it('removes the line at quantity 0 and below', () => {
    const start = [
      { ...red42, quantity: 3 },
      { ...red43, quantity: 1 },
    ];
    expect(withLineQuantity(start, { ...red42, quantity: 0 })).toEqual([{ ...red43, quantity: 1 }]);
    expect(withLineQuantity(start, { ...red42, quantity: -2 })).toEqual([{ ...red43, quantity: 1 }]);
  });

  it('caps a line at the per-line maximum', () => {
    expect(withLineQuantity([], { ...red42, quantity: MAX_LINE_QUANTITY + 5 })[0]?.quantity).toBe(MAX_LINE_QUANTITY);
  });

  it('never mutates the lines it was given', () => {
    const start = Object.freeze([Object.freeze({ ...red42, quantity: 1 })]);
    withLineQuantity(start, { ...red42, quantity: 2 });
    expect(start[0]?.quantity).toBe(1);
  });
});

describe('quantityInCart', () => {
  it('finds the quantity of exactly that colourway and size', () => {
    const lines = [{ ...red42, quantity: 3 }];
    expect(quantityInCart(lines, red42)).toBe(3);
    expect(quantityInCart(lines, red43)).toBe(0);
    expect(quantityInCart(lines, { ...red42, colourwayId: 'black' })).toBe(0);
  });
});

describe('cart slice', () => {
  it('starts empty and holds the lines, orders and last order it is given', () => {
    const store = createAppStore();
    expect(store.getState().cartLines).toEqual([]);
    store.getState().setCartLines([{ ...red42, quantity: 2 }]);
    expect(store.getState().cartLines).toEqual([{ ...red42, quantity: 2 }]);
  });
});

describe('the live cart from the room', () => {
  it('takes a cart heard from another tab, and ignores one older than what it shows', () => {
    const store = createAppStore();
    store.getState().setCart({ lines: [{ ...red42, quantity: 1 }], version: 4 });
    store.getState().receiveCart({ lines: [{ ...red42, quantity: 3 }], version: 6 });
    expect(store.getState().cartLines).toEqual([{ ...red42, quantity: 3 }]);
    expect(store.getState().cartVersion).toBe(6);
    // A slower message of an earlier change arrives after a newer one: it changes nothing.
    store.getState().receiveCart({ lines: [], version: 5 });
    expect(store.getState().cartLines).toEqual([{ ...red42, quantity: 3 }]);
    expect(store.getState().cartVersion).toBe(6);
  });
});
