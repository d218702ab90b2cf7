import MiniSearch from 'minisearch';
import type { Category, Product } from '../../../shared/catalog.ts';
import type { LocalizedText } from '../../../shared/i18nText.ts';

/** What a visitor's words are matched against, per product: both languages in every field. */
interface SearchDoc {
  id: string;
  name: string;
  keywords: string;
  category: string;
  colours: string;
  description: string;
}

/** A ready index over one catalog: `search` gives matching product ids, best first. */
export interface ProductSearch {
  search(query: string): string[];
}

/** Letters of the Han script: such terms are whole words from the segmenter, never typo-corrected. */
const HAN = /\p{Script=Han}/u;

/**
 * Splits text into search terms in any of the store's languages. NOTE: Chinese has no spaces between
 * words, so a word segmenter (ICU's dictionary, through `Intl.Segmenter`) finds them; the same
 * segmenter splits English on spaces and punctuation. Index and query go through this one function,
 * so a word is cut the same way on both sides.
 */
export function searchTerms(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const terms: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike) terms.push(s.segment.toLowerCase());
  }
  return terms;
}

const both = (text: LocalizedText | undefined) => (text ? `${text.en} ${text['zh-CN']}` : '');

function documentOf(product: Product, categoryNames: Readonly<Record<Category, LocalizedText>>): SearchDoc {
  return {
    id: product.id,
    name: both(product.name),
    keywords: [...(product.keywords?.en ?? []), ...(product.keywords?.['zh-CN'] ?? [])].join(' '),
    category: `${product.category} ${both(categoryNames[product.category])}`,
    colours: product.colourways.map((c) => both(c.name)).join(' '),
    description: both(product.description),
  };
}

/**
 * Indexes a catalog's products (names, descriptions, category words, colour names and search
 * keywords, in English and Simplified Chinese) with MiniSearch. A query matches a product when every
 * word of it does (as a word's beginning, an English word with a small typo too), names and keywords
 * weighing most.
 */
export function createProductSearch(
  products: readonly Product[],
  categoryNames: Readonly<Record<Category, LocalizedText>>,
): ProductSearch {
  const index = new MiniSearch<SearchDoc>({
    fields: ['name', 'keywords', 'category', 'colours', 'description'],
    tokenize: searchTerms,
    processTerm: (term) => term,
    searchOptions: {
      combineWith: 'AND',
      prefix: true,
      fuzzy: (term) => (HAN.test(term) || term.length < 4 ? false : 0.2),
      boost: { name: 3, keywords: 2, category: 1.5 },
    },
  });
  index.addAll(products.map((p) => documentOf(p, categoryNames)));
  return {
    search(query) {
      if (searchTerms(query).length === 0) return [];
      return index.search(query).map((r) => String(r.id));
    },
  };
}
