import { describe, expect, it } from 'vitest';
import {
  colourOptions,
  type DirectoryContext,
  directoryProducts,
  EMPTY_QUERY,
  hasSizeInStock,
  sizeOptions,
} from '../../../../../client/ui/directory/directoryLogic.ts';
import type { Product } from '../../../../../shared/catalog.ts';
import { catalog, product } from '../../support/catalog.ts';

const products = catalog.products;
const ids = (list: Product[]) => list.map((p) => p.id);

function context(over: Partial<DirectoryContext> = {}): DirectoryContext {
  return {
    stock: {},
    priceOf: (p) => p.prices.USD,
    nameOf: (p) => p.name.en,
    locale: 'en',
    matches: null,
    ...over,
  };
}

describe('directoryProducts', () => {
  it('keeps the catalog order with nothing chosen', () => {
    expect(ids(directoryProducts(products, EMPTY_QUERY, context()))).toEqual(ids(products));
  });

  it('keeps one category', () => {
    const balls = directoryProducts(products, { ...EMPTY_QUERY, category: 'balls' }, context());
    expect(ids(balls)).toEqual(['pro-game-ball', 'street-ball', 'training-ball', 'mini-ball']);
  });

  it('keeps only products with the size in stock, in any colourway, from live stock', () => {
    const stock = { 'court-runner-2:black:42': 2, 'sky-high-mid:blue:42': 0, 'fastbreak-low:white:43': 5 };
    const shoes = directoryProducts(products, { ...EMPTY_QUERY, category: 'shoes', size: '42' }, context({ stock }));
    expect(ids(shoes)).toEqual(['court-runner-2']);
    expect(hasSizeInStock(product('court-runner-2'), '42', {})).toBe(false);
    expect(hasSizeInStock(product('court-runner-2'), '99', { 'court-runner-2:red:99': 1 })).toBe(false);
  });

  it('keeps a price range (inclusive, minor units of the visitor currency)', () => {
    const mid = directoryProducts(products, { ...EMPTY_QUERY, minPrice: 11000, maxPrice: 13000 }, context());
    expect(ids(mid)).toEqual(['court-runner-2', 'home-jersey', 'away-jersey', 'city-edition-jersey']);
    const cheapInYuan = directoryProducts(
      products,
      { ...EMPTY_QUERY, maxPrice: 9900 },
      context({ priceOf: (p) => p.prices.CNY }),
    );
    expect(ids(cheapInYuan)).toEqual(['headband', 'wristbands']);
  });

  it('keeps a colour by its name, across products', () => {
    const gold = directoryProducts(products, { ...EMPTY_QUERY, colour: 'gold rush' }, context());
    expect(ids(gold)).toEqual(['sky-high-mid', 'home-jersey', 'wristbands']);
  });

  it('sorts by price both ways and by name in the visitor language', () => {
    const low = directoryProducts(products, { ...EMPTY_QUERY, category: 'balls', sort: 'priceLow' }, context());
    expect(ids(low)).toEqual(['mini-ball', 'street-ball', 'training-ball', 'pro-game-ball']);
    const high = directoryProducts(products, { ...EMPTY_QUERY, category: 'balls', sort: 'priceHigh' }, context());
    expect(ids(high)).toEqual(['pro-game-ball', 'training-ball', 'street-ball', 'mini-ball']);
    const byName = directoryProducts(products, { ...EMPTY_QUERY, category: 'balls', sort: 'name' }, context());
    expect(ids(byName)).toEqual(['mini-ball', 'pro-game-ball', 'street-ball', 'training-ball']);
  });

  it('ranks by search while searching, and keeps only matches', () => {
    const matches = ['water-bottle', 'court-runner-2'];
    expect(ids(directoryProducts(products, { ...EMPTY_QUERY, text: 'x' }, context({ matches })))).toEqual(matches);
    const sorted = directoryProducts(products, { ...EMPTY_QUERY, text: 'x', sort: 'priceLow' }, context({ matches }));
    expect(ids(sorted)).toEqual(['water-bottle', 'court-runner-2']);
    const shoesOnly = directoryProducts(products, { ...EMPTY_QUERY, text: 'x', category: 'shoes' }, context({ matches }));
    expect(ids(shoesOnly)).toEqual(['court-runner-2']);
  });
});

describe('filter options', () => {
  it('offers the sizes of the chosen category', () => {
    expect(sizeOptions(products, 'jerseys')).toEqual(['S', 'M', 'L', 'XL', 'XXL']);
    expect(sizeOptions(products, 'all')).toContain('OS');
  });

  it('offers each colour once, by name in both languages', () => {
    const colours = colourOptions(products, 'shoes');
    expect(colours.filter((c) => c.key === 'midnight black')).toHaveLength(1);
    expect(colours.find((c) => c.key === 'fire red')?.name).toEqual({ en: 'Fire Red', 'zh-CN': '烈焰红' });
  });
});
