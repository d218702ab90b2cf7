import { describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY } from '../../../../../shared/api.ts';
import {
  canAddToCart,
  effectiveChoice,
  LOW_STOCK,
  maxAddable,
  stockLabel,
} from '../../../../../client/ui/productCard/productCardLogic.ts';
import { product } from '../../support/catalog.ts';

const shoe = product('court-runner-2');
const ball = product('street-ball');

describe('stockLabel', () => {
  it('says how many are left when few are', () => {
    expect(stockLabel({ 'court-runner-2:red:42': 3 }, shoe, 'red', '42')).toEqual({
      key: 'product.stock.left',
      count: 3,
      tone: 'low',
    });
    expect(stockLabel({ 'court-runner-2:red:42': LOW_STOCK }, shoe, 'red', '42').key).toBe('product.stock.left');
  });

  it('says "In stock" above the low-stock line', () => {
    expect(stockLabel({ 'court-runner-2:red:42': LOW_STOCK + 1 }, shoe, 'red', '42')).toEqual({
      key: 'product.stock.inStock',
      tone: 'ok',
    });
  });

  it('says "Sold out" at zero and for a SKU the server never listed', () => {
    expect(stockLabel({ 'court-runner-2:red:42': 0 }, shoe, 'red', '42').key).toBe('product.stock.soldOut');
    expect(stockLabel({}, shoe, 'red', '42').key).toBe('product.stock.soldOut');
  });

  it('speaks for the chosen size only, not for the colourway', () => {
    const stock = { 'court-runner-2:red:42': 0, 'court-runner-2:red:43': 40 };
    expect(stockLabel(stock, shoe, 'red', '42').key).toBe('product.stock.soldOut');
    expect(stockLabel(stock, shoe, 'red', '43').key).toBe('product.stock.inStock');
  });

  it('before a size is picked, asks for one unless the whole colourway is sold out', () => {
    expect(stockLabel({ 'court-runner-2:red:45': 1 }, shoe, 'red', null).key).toBe('product.stock.pickSize');
    expect(stockLabel({ 'court-runner-2:black:45': 9 }, shoe, 'red', null).key).toBe('product.stock.soldOut');
  });
});

describe('add-to-cart rules', () => {
  it('needs a size', () => {
    expect(canAddToCart({ size: null, available: 10, inCart: 0, quantity: 1 })).toBe(false);
  });

  it('is off when sold out', () => {
    expect(canAddToCart({ size: '42', available: 0, inCart: 0, quantity: 1 })).toBe(false);
  });

  it('cannot take more than the stock left, counting what is already in the cart', () => {
    expect(canAddToCart({ size: '42', available: 3, inCart: 0, quantity: 3 })).toBe(true);
    expect(canAddToCart({ size: '42', available: 3, inCart: 1, quantity: 3 })).toBe(false);
    expect(maxAddable(3, 1)).toBe(2);
  });

  it('cannot pass the per-line cap however much stock there is', () => {
    expect(maxAddable(500, 0)).toBe(MAX_LINE_QUANTITY);
    expect(canAddToCart({ size: '42', available: 500, inCart: MAX_LINE_QUANTITY, quantity: 1 })).toBe(false);
  });
});

describe('effectiveChoice', () => {
  it('defaults to the first colourway and no size', () => {
    expect(effectiveChoice(shoe, undefined)).toEqual({ colourwayId: 'red', size: null });
  });

  it('picks the only size of one-size products', () => {
    expect(effectiveChoice(ball, undefined)).toEqual({ colourwayId: 'orange', size: '7' });
  });

  it('keeps a valid choice and drops one the product does not have', () => {
    expect(effectiveChoice(shoe, { colourwayId: 'black', size: '44' })).toEqual({ colourwayId: 'black', size: '44' });
    expect(effectiveChoice(shoe, { colourwayId: 'purple', size: 'XL' })).toEqual({ colourwayId: 'red', size: null });
  });
});
