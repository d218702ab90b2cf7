import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CART_LINES } from '../../../../shared/api.ts';
import { indexCatalog, loadSeedFile } from '../../../../server/domain/catalog.ts';
import { setLineQuantity } from '../../../../server/domain/cart.ts';
import type { DomainError } from '../../../../server/domain/errors.ts';

const seed = loadSeedFile(path.resolve(import.meta.dirname, '../../../../server/db/seed/catalog.json'));
const index = indexCatalog(seed);
const red42 = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };
const red43 = { ...red42, size: '43' };

describe('cart rules', () => {
  it('adds, changes and removes a line', () => {
    const one = setLineQuantity([], { ...red42, quantity: 2 }, index);
    expect(one).toEqual([{ ...red42, quantity: 2 }]);
    const two = setLineQuantity(one, { ...red43, quantity: 1 }, index);
    expect(two).toEqual([
      { ...red42, quantity: 2 },
      { ...red43, quantity: 1 },
    ]);
    const changed = setLineQuantity(two, { ...red42, quantity: 5 }, index);
    expect(changed).toEqual([
      { ...red42, quantity: 5 },
      { ...red43, quantity: 1 },
    ]);
    expect(setLineQuantity(changed, { ...red42, quantity: 0 }, index)).toEqual([{ ...red43, quantity: 1 }]);
  });

  it('removing a line that is not there changes nothing', () => {
    expect(setLineQuantity([{ ...red42, quantity: 1 }], { ...red43, quantity: 0 }, index)).toEqual([{ ...red42, quantity: 1 }]);
  });

  it('refuses SKUs the catalog does not sell', () => {
    for (const ref of [
      { ...red42, size: '99' },
      { ...red42, colourwayId: 'purple' },
      { ...red42, productId: 'no-such-shoe' },
    ]) {
      expect(() => setLineQuantity([], { ...ref, quantity: 1 }, index)).toThrowError(
        expect.objectContaining({ code: 'not_found' }) as DomainError,
      );
    }
  });

  it(`caps a cart at ${MAX_CART_LINES} lines but still allows changing existing ones`, () => {
    const product = seed.products.find((p) => p.colourways.length * p.sizes.length > MAX_CART_LINES)!;
    let lines = [] as ReturnType<typeof setLineQuantity>;
    const refs = product.colourways.flatMap((c) =>
      product.sizes.map((size) => ({ productId: product.id, colourwayId: c.id, size })),
    );
    for (const ref of refs.slice(0, MAX_CART_LINES)) lines = setLineQuantity(lines, { ...ref, quantity: 1 }, index);
    expect(lines).toHaveLength(MAX_CART_LINES);
    expect(() => setLineQuantity(lines, { ...refs[MAX_CART_LINES]!, quantity: 1 }, index)).toThrowError(
      expect.objectContaining({ code: 'bad_request' }) as DomainError,
    );
    expect(setLineQuantity(lines, { ...refs[0]!, quantity: 3 }, index)[0]!.quantity).toBe(3);
  });
});
