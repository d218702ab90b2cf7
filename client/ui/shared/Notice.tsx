import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';

const NOTICE_MS = 6000;

/** A short message for the visitor (an error from the room or the API); it fades after a few seconds. */
export function Notice() {
  const { t } = useTranslation();
  const { store } = useServices();
  const notice = useApp((s) => s.notice);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (store.getState().notice === notice) store.getState().showNotice(null);
    }, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, store]);

  if (!notice) return null;
  return (
    <div className="notice" data-testid="notice" data-key={notice.key} role="alert">
      <span>{t(notice.key, { ...notice.params, defaultValue: t('errors.internal') })}</span>
      <button
        type="button"
        className="icon-button"
        data-testid="notice-dismiss"
        aria-label={t('notice.dismiss')}
        onClick={() => store.getState().showNotice(null)}
      >
        ×
      </button>
    </div>
  );
}
