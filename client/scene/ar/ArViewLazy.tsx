import { lazy, Suspense } from 'react';

// NOTE: the AR view brings uikit (its toolbar) and is only needed once a visitor opens AR: its own chunk.
const ArView = lazy(() => import('./ArView.tsx').then((m) => ({ default: m.ArView })));

/** "View in your room", loaded on first use. Mount only inside an `immersive-ar` session. */
export function ArViewLazy() {
  return (
    <Suspense fallback={null}>
      <ArView />
    </Suspense>
  );
}
