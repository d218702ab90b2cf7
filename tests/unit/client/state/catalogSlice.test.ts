import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { colourwayStock, findProduct, steppedProduct } from '../../../../client/state/catalogSlice.ts';
import { catalog, product } from '../support/catalog.ts';

describe('catalog slice', () => {
  it('merges stock patches: changed keys replaced, others kept', () => {
    const store = createAppStore();
    store.getState().applyStock({ 'street-ball:orange:7': 5, 'street-ball:black:7': 2 });
    store.getState().applyStock({ 'street-ball:black:7': 0 });
    expect(store.getState().stock).toEqual({ 'street-ball:orange:7': 5, 'street-ball:black:7': 0 });
  });

  it('finds products by id', () => {
    expect(findProduct(catalog, 'headband')?.category).toBe('accessories');
    expect(findProduct(catalog, 'nope')).toBeUndefined();
    expect(findProduct(null, 'headband')).toBeUndefined();
  });
});

describe('colourwayStock', () => {
  it('sums every size of one colourway and ignores other colourways', () => {
    const shoe = product('court-runner-2');
    const stock = { 'court-runner-2:red:40': 3, 'court-runner-2:red:46': 4, 'court-runner-2:black:42': 9 };
    expect(colourwayStock(stock, shoe, 'red')).toBe(7);
    expect(colourwayStock(stock, shoe, 'white')).toBe(0);
  });
});

describe('steppedProduct', () => {
  const ids = catalog.products.map((p) => p.id);

  it('steps forward and back in catalog order, wrapping at both ends', () => {
    expect(steppedProduct(catalog, ids[0]!, 1)?.id).toBe(ids[1]);
    expect(steppedProduct(catalog, ids[1]!, -1)?.id).toBe(ids[0]);
    expect(steppedProduct(catalog, ids.at(-1)!, 1)?.id).toBe(ids[0]);
    expect(steppedProduct(catalog, ids[0]!, -1)?.id).toBe(ids.at(-1));
    expect(steppedProduct(catalog, ids[2]!, ids.length)?.id).toBe(ids[2]);
  });

  it('steps from the first product when none (or an unknown one) is focused; nothing without a catalog', () => {
    expect(steppedProduct(catalog, null, 1)?.id).toBe(ids[1]);
    expect(steppedProduct(catalog, 'nope', -1)?.id).toBe(ids.at(-1));
    expect(steppedProduct(null, ids[0]!, 1)).toBeUndefined();
    expect(steppedProduct({ ...catalog, products: [] }, null, 1)).toBeUndefined();
  });
});
