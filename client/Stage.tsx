import { Suspense, useEffect, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { useGLTF, useProgress } from '@react-three/drei';
import { XR } from '@react-three/xr';
import type { Catalog } from '../shared/catalog.ts';
import { useApp } from './state/context.tsx';
import { ErrorBoundary } from './ui/shared/ErrorBoundary.tsx';
import { Scene } from './scene/Scene.tsx';
import { modelUrl } from './scene/ProductModel.tsx';
import { getXRStore } from './xr/xrStore.ts';
import { probeRenderer, qualityFor } from './scene/renderQuality.ts';

/** Starts loading every product model now, so the shelves and the inspect view don't wait later. */
function preloadProductModels(catalog: Catalog): void {
  // NOTE: no Draco (its decoder would come from a CDN); meshopt's decoder is bundled.
  // Same URL and loader options as ProductModel, so the scene finds them in the loader cache.
  for (const url of new Set(catalog.products.map(modelUrl))) useGLTF.preload(url, false, true);
}

export interface ModelLoad {
  loaded: number;
  total: number;
  active: boolean;
}

export interface StageProps {
  /** Called as models load (three's loading manager via drei `useProgress`). */
  onModelLoad: (load: ModelLoad) => void;
}

/**
 * The 3D half of the page, loaded lazily so the loading screen paints before three.js arrives:
 * the Canvas with the arena scene (drawn once the catalog is known), and model preloading.
 */
export function Stage({ onModelLoad }: StageProps) {
  const catalog = useApp((s) => s.catalog);
  const { loaded, total, active } = useProgress();
  const [quality] = useState(() => qualityFor(probeRenderer()));

  useEffect(() => {
    if (catalog) preloadProductModels(catalog);
  }, [catalog]);

  useEffect(() => onModelLoad({ loaded, total, active }), [loaded, total, active, onModelLoad]);

  return (
    <Canvas dpr={quality.dpr} gl={{ antialias: quality.antialias }} camera={{ fov: 70, near: 0.05, far: 250 }}>
      <XR store={getXRStore()}>
        <ErrorBoundary>
          <Suspense fallback={null}>{catalog && <Scene />}</Suspense>
        </ErrorBoundary>
      </XR>
    </Canvas>
  );
}
