import { describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY } from '../../../../../shared/api.ts';
import { canIncrease, priceCart } from '../../../../../client/ui/cart/cartLogic.ts';
import { catalog } from '../../support/catalog.ts';

const shoe = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };
const ball = { productId: 'street-ball', colourwayId: 'blue', size: '7' };

describe('priceCart', () => {
  it('prices lines and the total in the chosen currency', () => {
    const cart = priceCart(
      catalog,
      [
        { ...shoe, quantity: 2 },
        { ...ball, quantity: 1 },
      ],
      'USD',
    );
    expect(cart.lines.map((l) => [l.unitPrice, l.lineTotal])).toEqual([
      [12900, 25800],
      [3500, 3500],
    ]);
    expect(cart.total).toBe(29300);
    expect(cart.count).toBe(3);
    expect(priceCart(catalog, [{ ...shoe, quantity: 1 }], 'CNY').total).toBe(89900);
  });

  it('names the colourway of each line', () => {
    expect(priceCart(catalog, [{ ...ball, quantity: 1 }], 'EUR').lines[0]?.colourway?.name.en).toBeTruthy();
  });

  it('shows a line whose product left the catalog at no price instead of failing', () => {
    const cart = priceCart(catalog, [{ productId: 'gone-shoe', colourwayId: 'red', size: '42', quantity: 1 }], 'USD');
    expect(cart.lines[0]?.product).toBeUndefined();
    expect(cart.total).toBe(0);
  });
});

describe('canIncrease', () => {
  it('stops at the live stock and at the per-line cap', () => {
    expect(canIncrease({ ...shoe, quantity: 2 }, { 'court-runner-2:red:42': 3 })).toBe(true);
    expect(canIncrease({ ...shoe, quantity: 3 }, { 'court-runner-2:red:42': 3 })).toBe(false);
    expect(canIncrease({ ...shoe, quantity: MAX_LINE_QUANTITY }, { 'court-runner-2:red:42': 99 })).toBe(false);
  });
});
