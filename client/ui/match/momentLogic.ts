import type { Product } from '../../../shared/catalog.ts';
import { skuStock } from '../productCard/productCardLogic.ts';

/**
 * The size a one-step "add this moment to the cart" buys: the visitor's chosen size when it is in
 * stock in the moment's colourway, else the first size that is; null when the colourway is sold out.
 */
export function momentSize(
  product: Product,
  colourwayId: string,
  chosen: string | null | undefined,
  stock: Readonly<Record<string, number>>,
): string | null {
  const inStock = (size: string) => skuStock(stock, product.id, colourwayId, size) > 0;
  if (chosen && product.sizes.includes(chosen) && inStock(chosen)) return chosen;
  return product.sizes.find(inStock) ?? null;
}
