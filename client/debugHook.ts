import type { AppServices } from './state/context.tsx';
import type { Panel } from './state/uiSlice.ts';
import type { XRStore } from '@react-three/xr';

/** What tests and developers can reach on `window.__courtside` (only with `?e2e` or in the dev server). */
export interface DebugHook {
  /** Opens a product's card as if its model had been clicked. */
  openProduct(productId: string): void;
  openPanel(panel: Panel): void;
  /** Product ids in catalog order. */
  productIds(): string[];
  /** A snapshot of the app store. */
  state(): ReturnType<AppServices['store']['getState']>;
  services: AppServices;
  /** The app's XR store (its emulator, under `?e2e&xr=emulate`, is `xr().getState().emulator`). */
  xr(): Promise<XRStore>;
  /** "View in your room", while an `immersive-ar` session shows a product (see client/xr/ar/ArProbe.tsx). */
  ar?: ArDebug;
  /** The match player, while the 3D stage is mounted (see client/scene/match/MatchPlayerContext.tsx). */
  match?: MatchDebug;
  /** Reaction and typing bubbles over avatars, while the 3D stage is mounted (see client/scene/ChatBubbles.tsx). */
  chat?: import('./scene/ChatBubbles.tsx').ChatDebug;
  /** Voice peers: connection state and received audio level per remote session id (loads the voice code). */
  voice(): Promise<import('./media/voice/voiceManager.ts').VoiceDebug>;
}

/** What an e2e test can ask of the match player. */
export interface MatchDebug {
  /** Every loaded angle's video against the clock, at one instant. */
  report(): import('./media/matchPlayer.ts').AngleReport[];
  needs(): import('./media/angles.ts').AngleNeeds | null;
  /** Where the server's clock says playback is now (media ms), or null before the clock arrives. */
  position(): number | null;
  /** The server's time as this page estimates it. */
  serverNow(): number;
  clockOffset(): number | null;
  bestRtt(): number | null;
  /** The 360° sphere, while shown: its angle, and whether each eye gets its own half of a stereo frame. */
  sphere(): { angle: string | null; stereo: boolean } | null;
  /** A named object's bounding box on the page, CSS px (for screenshots of a screen), or null. */
  rect(name: string): { x: number; y: number; width: number; height: number } | null;
  /** Where a named object (or one instance of an instanced mesh) is on the page, CSS px, or null when hidden or behind. */
  point(name: string, instance?: number): { x: number; y: number } | null;
}

/** What an e2e test can ask of the AR view. Positions are world metres (the XR origin sits at the world origin in AR). */
export interface ArDebug {
  /** The latest floor hit under the visitor's aim, or null when the reticle is hidden. */
  hit(): [number, number, number] | null;
  /** The placed product: id, colourway shown, yaw, and its world bounding box (THREE.Box3 of the object). */
  placed(): { productId: string; yaw: number; min: [number, number, number]; max: [number, number, number] } | null;
  /** World centre of a named object (`xr-button:ar-add-to-cart`, `ar-product`). */
  center(name: string): [number, number, number] | null;
}

declare global {
  interface Window {
    __courtside?: DebugHook;
  }
}

/** Whether this page load may expose the debug hook. */
export function debugEnabled(search: string, dev: boolean): boolean {
  return dev || new URLSearchParams(search).has('e2e');
}

/**
 * Exposes `window.__courtside` so an e2e test can open a product card without aiming the 3D pointer.
 * Off in production unless the URL carries `?e2e`.
 */
export function installDebugHook(services: AppServices): void {
  if (!debugEnabled(location.search, import.meta.env.DEV)) return;
  const { store } = services;
  window.__courtside = {
    openProduct: (id) => store.getState().openProduct(id),
    openPanel: (panel) => store.getState().openPanel(panel),
    productIds: () => store.getState().catalog?.products.map((p) => p.id) ?? [],
    state: () => store.getState(),
    services,
    xr: () => import('./xr/xrStore.ts').then((m) => m.getXRStore()),
    voice: () => services.voice.manager().then((m) => m.debug()),
  };
}
