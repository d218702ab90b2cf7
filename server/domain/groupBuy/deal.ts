import type { Product } from '../../../shared/catalog.ts';
import { CURRENCIES } from '../../../shared/money.ts';

/**
 * What is wrong with a product's group deal, or undefined when it is fine (or there is none): every
 * group price must be in a currency the product sells in and below the product's own price there.
 */
export function groupDealProblem(product: Product): string | undefined {
  const deal = product.groupBuy;
  if (!deal) return undefined;
  const priced = CURRENCIES.filter((c) => deal.prices[c] !== undefined);
  if (priced.length === 0) return `product ${product.id}: its group deal has no price`;
  for (const currency of priced) {
    const group = deal.prices[currency] as number;
    const regular = product.prices[currency];
    if (regular === undefined) return `product ${product.id}: group price in ${currency}, a currency the product has no price in`;
    if (group >= regular) {
      return `product ${product.id}: group price ${group} ${currency} is not below the regular price ${regular}`;
    }
  }
  return undefined;
}

/** The group window: the deal's minutes, or the server's override (tests and demos use seconds). */
export function groupWindowMs(deal: NonNullable<Product['groupBuy']>, overrideMs: number | undefined): number {
  return overrideMs ?? deal.windowMinutes * 60_000;
}
