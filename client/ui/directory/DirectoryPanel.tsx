import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { ConcourseMap } from './ConcourseMap.tsx';
import { DirectoryFilters } from './DirectoryFilters.tsx';
import { ProductPicture } from './ProductPicture.tsx';
import { useDirectoryModel } from './useDirectoryModel.ts';
import './directory.css';

/**
 * The store directory's DOM skin: search, categories, filters and sort over a list of products, each
 * opening its card or "Show me" taking the visitor to its shelf; and a map of the concourse. Made for
 * keyboard and screen reader first: native controls, a live result count, focus on the search box.
 */
export function DirectoryPanel() {
  const { t } = useTranslation();
  const m = useDirectoryModel();
  const [view, setView] = useState<'list' | 'map'>('list');
  const search = useRef<HTMLInputElement>(null);
  // NOTE: the last search is kept; selected on opening, so typing starts a new one and arrows keep it.
  useEffect(() => search.current?.select(), []);
  return (
    <PanelFrame title={t('directory.title')} testId="directory" onClose={m.close} className="directory">
      <search className="directory-search">
        <label htmlFor="directory-search">{t('directory.search')}</label>
        <input
          id="directory-search"
          ref={search}
          type="search"
          value={m.query.text}
          placeholder={t('directory.searchPlaceholder')}
          data-testid="directory-search"
          // biome-ignore lint/a11y/noAutofocus: the directory opens from its button or the "/" key to be searched; focus goes where the visitor types.
          autoFocus
          onChange={(e) => m.setText(e.target.value)}
        />
      </search>
      <fieldset className="directory-views">
        <legend className="sr-only">{t('directory.view')}</legend>
        <button type="button" className="chip-button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
          {t('directory.list')}
        </button>
        <button
          type="button"
          className="chip-button"
          aria-pressed={view === 'map'}
          data-testid="directory-map-tab"
          onClick={() => setView('map')}
        >
          {t('directory.map')}
        </button>
      </fieldset>
      {view === 'map' ? (
        <ConcourseMap />
      ) : (
        <>
          <DirectoryFilters m={m} />
          <p className="directory-count" role="status" data-testid="directory-count">
            {m.resultText}{' '}
            {m.items.length === 0 && (
              <button type="button" className="link" onClick={m.clear}>
                {t('directory.clear')}
              </button>
            )}
          </p>
          <ul className="directory-list" aria-label={t('directory.products')}>
            {m.items.map((item) => (
              <li key={item.id} className="directory-item" data-testid="directory-item" data-product-id={item.id}>
                <ProductPicture src={item.picture} alt={item.pictureAlt} />
                <div className="directory-item-main">
                  <button type="button" className="link directory-name" data-testid="directory-open" onClick={item.open}>
                    {item.name}
                  </button>
                  <span className="muted">
                    {item.category} · {item.colours}
                  </span>
                  <strong className="price">{item.price}</strong>
                </div>
                <button
                  type="button"
                  className="button ghost"
                  data-testid="directory-show-me"
                  aria-label={t('directory.showMeProduct', { name: item.name })}
                  onClick={item.showMe}
                >
                  {t('directory.showMe')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </PanelFrame>
  );
}
