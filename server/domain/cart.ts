import { MAX_CART_LINES, type CartLine, type CartLineUpdate } from '../../shared/api.ts';
import { skuKey, type SkuRef } from '../../shared/catalog.ts';
import { skuExists, type CatalogIndex } from './catalog.ts';
import { DomainError } from './errors.ts';

/**
 * Sets one SKU's quantity in a list of cart lines (0 removes it) and returns the new list.
 * Unknown SKUs are `not_found`; a new line beyond MAX_CART_LINES is `bad_request`.
 */
export function setLineQuantity(lines: readonly CartLine[], update: CartLineUpdate, index: CatalogIndex): CartLine[] {
  const ref: SkuRef = { productId: update.productId, colourwayId: update.colourwayId, size: update.size };
  if (!skuExists(index, ref)) throw new DomainError('not_found', `no such product, colourway and size: ${skuKey(ref)}`);
  const key = skuKey(ref);
  const at = lines.findIndex((l) => skuKey(l) === key);
  if (update.quantity === 0) return lines.filter((_, i) => i !== at);
  const line: CartLine = { ...ref, quantity: update.quantity };
  if (at >= 0) return lines.map((l, i) => (i === at ? line : l));
  if (lines.length >= MAX_CART_LINES) throw new DomainError('bad_request', `a cart holds at most ${MAX_CART_LINES} lines`);
  return [...lines, line];
}
