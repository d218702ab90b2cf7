import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/catalog.ts';
import type { SortKey } from './directoryLogic.ts';
import type { DirectoryModel } from './useDirectoryModel.ts';

/** The directory's category buttons, filters (size in stock, colour, price range) and sort, all native controls. */
export function DirectoryFilters({ m }: { m: DirectoryModel }) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="directory-categories">
        <legend className="sr-only">{t('directory.category')}</legend>
        {m.categories.map((c) => (
          <button
            key={c.value}
            type="button"
            className={`chip-button ${m.query.category === c.value ? 'selected' : ''}`}
            aria-pressed={m.query.category === c.value}
            data-testid={`directory-category-${c.value}`}
            onClick={() => m.setCategory(c.value as Category | 'all')}
          >
            {c.label}
          </button>
        ))}
      </fieldset>
      <div className="directory-filters">
        <label>
          <span>{t('directory.size')}</span>
          <select value={m.query.size ?? ''} data-testid="directory-size" onChange={(e) => m.setSize(e.target.value)}>
            <option value="">{t('directory.anySize')}</option>
            {m.sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('directory.colour')}</span>
          <select value={m.query.colour ?? ''} data-testid="directory-colour" onChange={(e) => m.setColour(e.target.value)}>
            <option value="">{t('directory.anyColour')}</option>
            {m.colours.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('directory.minPrice', { currency: m.currency })}</span>
          <input
            type="number"
            min={0}
            inputMode="decimal"
            value={m.minPrice}
            data-testid="directory-min-price"
            onChange={(e) => m.setMinPrice(e.target.value)}
          />
        </label>
        <label>
          <span>{t('directory.maxPrice', { currency: m.currency })}</span>
          <input
            type="number"
            min={0}
            inputMode="decimal"
            value={m.maxPrice}
            data-testid="directory-max-price"
            onChange={(e) => m.setMaxPrice(e.target.value)}
          />
        </label>
        <label>
          <span>{t('directory.sortBy')}</span>
          <select value={m.query.sort} data-testid="directory-sort" onChange={(e) => m.setSort(e.target.value as SortKey)}>
            {m.sorts.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}
