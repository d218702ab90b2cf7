import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../state/context.tsx';

/** The key that opens the store directory from anywhere in the arena (not while typing). */
export const DIRECTORY_KEY = '/';

const isControl = (el: EventTarget | null) =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

/**
 * The top bar's "Store" button: opens the store directory (as does the "/" key), freeing the mouse
 * from pointer lock so the list can be used.
 */
export function DirectoryHudButton() {
  const { t } = useTranslation();
  const { store } = useServices();
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.key !== DIRECTORY_KEY || e.ctrlKey || e.metaKey || e.altKey || isControl(e.target)) return;
      e.preventDefault();
      if (document.pointerLockElement) document.exitPointerLock();
      store.getState().openPanel('directory');
    };
    window.addEventListener('keydown', down);
    return () => window.removeEventListener('keydown', down);
  }, [store]);
  return (
    <button
      type="button"
      className="button ghost"
      data-testid="hud-directory"
      aria-keyshortcuts={DIRECTORY_KEY}
      title={t('directory.shortcut', { key: DIRECTORY_KEY })}
      onClick={() => store.getState().openPanel('directory')}
    >
      {t('directory.open')}
    </button>
  );
}
