import { describe, expect, it } from 'vitest';
import { withHeldUnits } from '../../../../../server/domain/drop/checkoutHolds.ts';
import { DomainError } from '../../../../../server/domain/errors.ts';

const ball = { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' };
const shoe = { productId: 'court-runner-2', colourwayId: 'black', size: '43' };
const priced = {
  lines: [
    { ...ball, quantity: 2, unitPrice: 3_000, lineTotal: 6_000 },
    { ...shoe, quantity: 1, unitPrice: 12_000, lineTotal: 12_000 },
  ],
  total: 18_000,
};
const hold = { holdId: 'launch:ann', sku: 'pro-game-ball:tan:7', prices: { USD: 1_000 } };

describe('a held drop unit at checkout', () => {
  it('is one line at the drop price; further units of the SKU and other lines keep the catalog price', () => {
    const { priced: out, holds } = withHeldUnits(priced, [hold], 'USD');
    expect(out.lines).toEqual([
      { ...ball, quantity: 1, unitPrice: 1_000, lineTotal: 1_000 },
      { ...ball, quantity: 1, unitPrice: 3_000, lineTotal: 3_000 },
      { ...shoe, quantity: 1, unitPrice: 12_000, lineTotal: 12_000 },
    ]);
    expect(out.total).toBe(16_000);
    expect(holds.ids).toEqual(['launch:ann']);
    expect([...holds.lines]).toEqual([out.lines[0]]);
  });

  it('changes nothing without a hold, or for a hold of a SKU not in the cart', () => {
    expect(withHeldUnits(priced, [], 'USD').priced).toBe(priced);
    const other = withHeldUnits(priced, [{ ...hold, sku: 'street-ball:blue:7' }], 'USD');
    expect(other.priced).toEqual(priced);
    expect(other.holds.ids).toEqual([]);
  });

  it('is refused in a currency the drop has no price in', () => {
    expect(() => withHeldUnits(priced, [hold], 'EUR')).toThrow(DomainError);
    expect(() => withHeldUnits(priced, [hold], 'EUR')).toThrow('the drop has no price in EUR');
  });
});
