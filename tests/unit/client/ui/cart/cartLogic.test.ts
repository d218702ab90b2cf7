import { describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY } from '../../../../../shared/api.ts';
import { canIncrease, priceCart, shortLines, switchSize } from '../../../../../client/ui/cart/cartLogic.ts';
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

  it('prices lines at the price the server charges now, keeping the regular one to strike through', () => {
    const shown = (p: { id: string }) =>
      p.id === 'street-ball' ? { amount: 2975, regular: 3500, kind: 'offer' as const, endsAtMs: 1 } : undefined;
    const cart = priceCart(
      catalog,
      [
        { ...shoe, quantity: 1 },
        { ...ball, quantity: 2 },
      ],
      'USD',
      shown,
    );
    expect(cart.lines.map((l) => [l.unitPrice, l.regularUnitPrice, l.lineTotal])).toEqual([
      [12900, undefined, 12900],
      [2975, 3500, 5950],
    ]);
    expect(cart.total).toBe(12900 + 5950);
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

describe('lines short of stock', () => {
  const at = (size: string) => `court-runner-2:red:${size}`;

  it('flags a line asking for more than is left, with what is left and the sizes that have stock', () => {
    const stock = { [at('42')]: 1, [at('41')]: 0, [at('43')]: 5, [at('44')]: 2, 'street-ball:blue:7': 9 };
    const short = shortLines(
      catalog,
      [
        { ...shoe, quantity: 2 },
        { ...ball, quantity: 1 },
      ],
      stock,
    );
    expect([...short.keys()]).toEqual([at('42')]);
    const s = short.get(at('42'))!;
    expect(s.left).toBe(1);
    expect(s.sizes).toEqual(['43', '44']);
  });

  it('a line within the stock, or whose stock is not known yet, is not short', () => {
    expect(shortLines(catalog, [{ ...shoe, quantity: 2 }], { [at('42')]: 2 }).size).toBe(0);
    expect(shortLines(catalog, [{ ...shoe, quantity: 2 }], {}).size).toBe(0);
  });

  it('a sold-out line offers no lower quantity', () => {
    const s = shortLines(catalog, [{ ...shoe, quantity: 1 }], { [at('42')]: 0 }).get(at('42'))!;
    expect(s.left).toBe(0);
    expect(s.sizes).toEqual([]);
  });
});

describe('switching a short line to another size', () => {
  it('moves the line to the size, as many as it has (and at most what the line asked for)', () => {
    const line = { ...shoe, quantity: 3 };
    expect(switchSize([line], line, '43', { 'court-runner-2:red:43': 2 })).toEqual([
      { ...shoe, quantity: 0 },
      { ...shoe, size: '43', quantity: 2 },
    ]);
  });

  it('adds onto a line of that size already in the cart, within its stock', () => {
    const line = { ...shoe, quantity: 2 };
    const there = { ...shoe, size: '43', quantity: 1 };
    expect(switchSize([line, there], line, '43', { 'court-runner-2:red:43': 2 })).toEqual([
      { ...shoe, quantity: 0 },
      { ...shoe, size: '43', quantity: 2 },
    ]);
  });
});
