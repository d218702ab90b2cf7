import { createXRStore, type XRStore } from '@react-three/xr';
import { emulatedRoom, FOVEATION, pickFrameRate, xrEmulationRequested } from './xrSessionOptions.ts';

/** Served by the build from `@webxr-input-profiles/assets` (see scripts/vite/inputProfiles.ts). */
export const INPUT_PROFILES_URL = 'xr-profiles/';

let store: XRStore | undefined;

/**
 * The app's one XR store, made on first use (it lives in the lazily loaded 3D chunk, never in the entry).
 * In production it never emulates; with `?e2e&xr=emulate` (or `?xr=emulate` in the dev server) it
 * injects Meta's IWER as a Quest 3 when the browser has no WebXR of its own — the emulator is loaded
 * by a dynamic import inside @react-three/xr, so it stays out of every chunk a visitor downloads.
 * `&xr-room=<name>` also puts one of IWER's synthetic rooms around it, so AR hit-tests find a floor.
 */
export function getXRStore(): XRStore {
  if (store) return store;
  const emulate = xrEmulationRequested(location.search, import.meta.env.DEV);
  const baseAssetPath = new URL(`${import.meta.env.BASE_URL}${INPUT_PROFILES_URL}`, location.href).href;
  store = createXRStore({
    offerSession: false,
    emulate: emulate ? { type: 'metaQuest3', inject: true, syntheticEnvironment: emulatedRoom(location.search) } : false,
    frameRate: pickFrameRate,
    foveation: FOVEATION,
    baseAssetPath,
    defaultControllerProfileId: 'meta-quest-touch-plus',
    defaultXRHandProfileId: 'generic-hand',
    handTracking: true,
    hitTest: true,
  });
  return store;
}
