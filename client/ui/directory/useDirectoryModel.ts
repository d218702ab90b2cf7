import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category, type Product } from '../../../shared/catalog.ts';
import { localize } from '../../../shared/i18nText.ts';
import { productPictureUrl } from '../../../shared/productPictures.ts';
import { formatPrice } from '../../i18n/format.ts';
import { shownColourwayId } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { useShownPrices } from '../offers/useShownPrices.ts';
import { colourOptions, type DirectoryQuery, directoryProducts, SORTS, type SortKey, sizeOptions } from './directoryLogic.ts';
import { createProductSearch } from './productSearch.ts';

/** Minor units per major unit in every store currency (shared/money.ts: all have 2 decimals). */
const MINOR = 100;

/**
 * The store directory's model, for the DOM panel and the in-world one: the search, filters and sort
 * (kept in the store, so they survive a visit to a product card), the products they keep, and what
 * each product can do (open its card, "Show me").
 */
export function useDirectoryModel() {
  const { t, i18n } = useTranslation();
  const { store } = useServices();
  const catalog = useApp((s) => s.catalog);
  const stock = useApp((s) => s.stock);
  const query = useApp((s) => s.directoryQuery);
  const { locale, currency } = useApp((s) => s.profile);
  const shownPrice = useShownPrices();
  const products = catalog?.products ?? [];

  const search = useMemo(() => {
    const en = i18n.getFixedT('en');
    const zh = i18n.getFixedT('zh-CN');
    const names = Object.fromEntries(CATEGORIES.map((c) => [c, { en: en(`category.${c}`), 'zh-CN': zh(`category.${c}`) }]));
    return createProductSearch(catalog?.products ?? [], names as Record<Category, { en: string; 'zh-CN': string }>);
  }, [catalog, i18n]);

  const priceOf = (p: Product) => shownPrice(p)?.amount;
  const matches = query.text.trim() ? search.search(query.text) : null;
  const shown = directoryProducts(products, query, {
    stock,
    priceOf,
    nameOf: (p) => localize(p.name, locale),
    locale,
    matches,
  });
  const set = (patch: Partial<DirectoryQuery>) => store.getState().setDirectoryQuery(patch);
  const toMinor = (text: string) => {
    const n = Number.parseFloat(text);
    return text.trim() === '' || !Number.isFinite(n) || n < 0 ? null : Math.round(n * MINOR);
  };

  return {
    query,
    currency,
    setText: (text: string) => set({ text }),
    categories: [
      { value: 'all' as const, label: t('directory.all') },
      ...CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
    ],
    setCategory: (category: Category | 'all') => set({ category, size: null, colour: null }),
    sizes: sizeOptions(products, query.category),
    setSize: (size: string) => set({ size: size || null }),
    colours: colourOptions(products, query.category).map((c) => ({ value: c.key, label: localize(c.name, locale) })),
    setColour: (colour: string) => set({ colour: colour || null }),
    minPrice: query.minPrice === null ? '' : String(query.minPrice / MINOR),
    maxPrice: query.maxPrice === null ? '' : String(query.maxPrice / MINOR),
    setMinPrice: (text: string) => set({ minPrice: toMinor(text) }),
    setMaxPrice: (text: string) => set({ maxPrice: toMinor(text) }),
    sorts: SORTS.map((s) => ({ value: s, label: t(`directory.sort.${s}`) })),
    setSort: (sort: SortKey) => set({ sort }),
    clear: () => set({ text: '', category: 'all', size: null, colour: null, minPrice: null, maxPrice: null, sort: 'featured' }),
    resultText: t('directory.results', { count: shown.length }),
    items: shown.map((p) => {
      const colourway = p.colourways.find((c) => c.id === shownColourwayId(p, store.getState().choice[p.id]?.colourwayId));
      const amount = priceOf(p);
      const name = localize(p.name, locale);
      return {
        id: p.id,
        name,
        category: t(`category.${p.category}`),
        price: amount === undefined ? '' : formatPrice(amount, currency, locale),
        colours: p.colourways.map((c) => localize(c.name, locale)).join(', '),
        picture: productPictureUrl(p.id, colourway?.id ?? p.colourways[0]!.id),
        pictureAlt: t('directory.pictureAlt', { name, colour: colourway ? localize(colourway.name, locale) : '' }),
        open: () => store.getState().openProduct(p.id),
        showMe: () => store.getState().requestShowMe(p.id),
      };
    }),
    close: () => store.getState().closePanel(),
  };
}

export type DirectoryModel = ReturnType<typeof useDirectoryModel>;
