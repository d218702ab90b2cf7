import { describe, expect, it } from 'vitest';
import { createProductSearch, searchTerms } from '../../../../../client/ui/directory/productSearch.ts';
import en from '../../../../../client/i18n/locales/en.json' with { type: 'json' };
import zh from '../../../../../client/i18n/locales/zh-CN.json' with { type: 'json' };
import { CATEGORIES } from '../../../../../shared/catalog.ts';
import { catalog } from '../../support/catalog.ts';

const categoryNames = Object.fromEntries(CATEGORIES.map((c) => [c, { en: en.category[c], 'zh-CN': zh.category[c] }])) as Record<
  (typeof CATEGORIES)[number],
  { en: string; 'zh-CN': string }
>;
const search = createProductSearch(catalog.products, categoryNames);

describe('searchTerms', () => {
  it('cuts Chinese into words and English on spaces, lower-cased', () => {
    expect(searchTerms('球场疾风 2')).toEqual(['球场', '疾风', '2']);
    expect(searchTerms('Court Runner 2')).toEqual(['court', 'runner', '2']);
    expect(searchTerms('  ，。 ')).toEqual([]);
  });
});

describe('product search', () => {
  it('finds the Court Runner 2 by "runner" and by "跑鞋"', () => {
    expect(search.search('runner')[0]).toBe('court-runner-2');
    expect(search.search('跑鞋')).toEqual(['court-runner-2']);
  });

  it('finds by the Chinese name, a word of it, and the beginning of an English word', () => {
    expect(search.search('球场疾风')[0]).toBe('court-runner-2');
    expect(search.search('疾风')[0]).toBe('court-runner-2');
    // NOTE: the shooting shirt is no jersey by name, but its category ("Jerseys") is.
    expect(search.search('jers').sort()).toEqual(['away-jersey', 'city-edition-jersey', 'home-jersey', 'shooting-shirt']);
    expect(search.search('jers')[3]).toBe('shooting-shirt');
  });

  it('finds a category by its words in either language', () => {
    const shoes = catalog.products.filter((p) => p.category === 'shoes').map((p) => p.id);
    expect(search.search('篮球鞋').sort()).toEqual([...shoes].sort());
    expect(new Set(search.search('shoes'))).toEqual(new Set(shoes));
  });

  it('forgives a typo in a longer English word, and needs every word of the query', () => {
    expect(search.search('runnr')[0]).toBe('court-runner-2');
    expect(search.search('runner jersey')).toEqual([]);
    expect(search.search('water bottle')).toEqual(['water-bottle']);
  });

  it('finds by colour name in both languages', () => {
    const gold = catalog.products.filter((p) => p.colourways.some((c) => c.name.en === 'Gold Rush')).map((p) => p.id);
    expect(search.search('gold rush').sort()).toEqual([...gold].sort());
    expect(search.search('金色冲刺').sort()).toEqual([...gold].sort());
  });

  it('finds nothing for an empty or unknown query', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
    expect(search.search('xylophone')).toEqual([]);
  });
});
