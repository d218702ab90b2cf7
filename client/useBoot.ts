import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useServices } from './state/context.tsx';
import type { ModelLoad } from './Stage.tsx';

/** Share of the loading bar that the catalog fetch stands for; the 3D code and models fill the rest. */
const CATALOG_SHARE = 0.15;
/** Loading is over once nothing has been loading for this long (the scene may start more loads). */
const SETTLE_MS = 400;
/** Never hold a visitor on the loading screen longer than this after the catalog arrived. */
const MAX_MODEL_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Loading progress 0..1 from what has arrived so far. */
export function bootProgress(catalogReady: boolean, stageReady: boolean, models: ModelLoad): number {
  if (!catalogReady) return 0.05;
  if (!stageReady) return CATALOG_SHARE;
  const share = models.total > 0 ? models.loaded / models.total : 0;
  return CATALOG_SHARE + (1 - CATALOG_SHARE) * share;
}

/**
 * Drives the loading phase: fetches the catalog (retrying with backoff), restores a saved session,
 * follows the model loads reported by the Stage, then moves to the entry screen.
 * Returns a translated line saying what is loading and the Stage's progress callback.
 */
export function useBoot(): { detail: string; onModelLoad: (load: ModelLoad) => void } {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const phase = useApp((s) => s.phase);
  const [catalogReady, setCatalogReady] = useState(false);
  const [resumed, setResumed] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [models, setModels] = useState<ModelLoad | null>(null);
  const onModelLoad = useCallback((load: ModelLoad) => setModels(load), []);
  // NOTE: a ref, not a module-level set: StrictMode runs the effect twice on one mount (the ref
  // survives that), and each app's own <App/> boots once.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void connection
      .resume()
      .catch(() => false)
      .then(() => setResumed(true));
    void (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await connection.loadCatalog();
          break;
        } catch {
          setRetrying(true);
          await sleep(Math.min(10_000, 1000 * 2 ** attempt));
        }
      }
      setRetrying(false);
      setCatalogReady(true);
      // The match screen follows when it can; the store works without it.
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          await connection.loadMatch();
          break;
        } catch {
          await sleep(1000 * 2 ** attempt);
        }
      }
    })();
  }, [connection]);

  const load = models ?? { loaded: 0, total: 0, active: false };
  const progress = bootProgress(catalogReady, models !== null, load);
  useEffect(() => {
    if (phase === 'loading') store.getState().setLoadProgress(progress);
  }, [phase, progress, store]);

  const idle = catalogReady && resumed && models !== null && !load.active;
  useEffect(() => {
    if (phase !== 'loading' || !catalogReady || !resumed) return;
    const timer = setTimeout(
      () => {
        store.getState().setLoadProgress(1);
        store.getState().setPhase('entry');
      },
      idle ? SETTLE_MS : MAX_MODEL_WAIT_MS,
    );
    return () => clearTimeout(timer);
  }, [phase, catalogReady, resumed, idle, store]);

  let detail = t('loading.ready');
  if (retrying) detail = t('loading.retrying');
  else if (!catalogReady) detail = t('loading.catalog');
  else if (load.total > 0 && load.loaded < load.total) detail = t('loading.models', { loaded: load.loaded, total: load.total });
  return { detail, onModelLoad };
}
