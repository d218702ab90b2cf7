import { lazy, Suspense } from 'react';

// NOTE: uikit (layout engine, MSDF text, its bundled font) is only needed in a headset session: its own chunk.
const XrPanels = lazy(() => import('./XrPanels.tsx').then((m) => ({ default: m.XrPanels })));

/** The in-world panels, loaded on first use. Mount only inside an immersive session. */
export function XrPanelsLazy() {
  return (
    <Suspense fallback={null}>
      <XrPanels />
    </Suspense>
  );
}
