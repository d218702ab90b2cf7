import type { AppServices } from '../state/context.tsx';
import type { Panel } from '../state/uiSlice.ts';
import type { XRStore } from '@react-three/xr';
import type { ArDebug } from './arProbe.ts';
import type { ChatDebug } from './chatProbe.ts';
import type { Inspectable, InspectPort } from './inspect.ts';
import type { MatchDebug } from './matchProbe.ts';
import type { RevealDebug } from './revealProbe.ts';
import { renderStats } from './renderStats.ts';

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
  /** "View in your room", while an `immersive-ar` session shows a product (see client/debug/arProbe.ts). */
  readonly ar?: ArDebug;
  /** The match player, while the 3D stage is mounted (see client/debug/matchProbe.ts). */
  readonly match?: MatchDebug;
  /** Reaction and typing bubbles over avatars, while the 3D stage is mounted (see client/debug/chatProbe.ts). */
  readonly chat?: ChatDebug;
  /** The launch reveal's marks and objects, while the 3D stage is mounted (see client/debug/revealProbe.ts). */
  readonly reveal?: RevealDebug;
  /**
   * Stops (false) or resumes (true) drawing the 3D stage. A test that measures something else (the
   * match videos' sync) gives it the CPU that SwiftShader's drawing would take and a GPU would not.
   */
  drawing(on: boolean): void;
  /** Voice peers: connection state and received audio level per remote session id (loads the voice code). */
  voice(): Promise<import('../media/voice/voiceManager.ts').VoiceDebug>;
  /** The event's stage voice on this page: status, role, received level and WebRTC stats (loads its code). */
  stageVoice(): Promise<import('../media/stage/stageVoice.ts').StageVoiceDebug>;
}

declare global {
  interface Window {
    __courtside?: DebugHook;
  }
}

/** The page's inspect port: what the app offers, by name (see inspect.ts). */
function createInspectPort(): InspectPort {
  const offered = new Map<keyof Inspectable, unknown>();
  return {
    offer(name, value) {
      offered.set(name, value);
      return () => {
        if (offered.get(name) === value) offered.delete(name);
      };
    },
    get: <K extends keyof Inspectable>(name: K) => offered.get(name) as Inspectable[K] | undefined,
  };
}

/**
 * Exposes `window.__courtside` so an e2e test can open a product card without aiming the 3D pointer,
 * and the probes over what the app offers on the inspect port. main.tsx loads this module only on a
 * debug page (see flag.ts); the probes that need three.js follow in their own chunk.
 */
export function installDebugHook(services: AppServices): void {
  const { store, serverClock } = services;
  const port = createInspectPort();
  window.__courtsideInspect = port;
  renderStats();
  let probes: typeof import('./probes.ts') | undefined;
  void import('./probes.ts').then((m) => {
    probes = m;
    m.startStatsProbe(port);
  });
  // NOTE: getters, so each probe appears while the part it looks at is mounted, as the tests expect.
  const probe = <K extends keyof Inspectable, T>(name: K, make: (p: typeof import('./probes.ts'), v: Inspectable[K]) => T) => {
    const value = port.get(name);
    return probes && value ? make(probes, value) : undefined;
  };
  const hook: DebugHook = {
    openProduct: (id) => store.getState().openProduct(id),
    openPanel: (panel) => store.getState().openPanel(panel),
    productIds: () => store.getState().catalog?.products.map((p) => p.id) ?? [],
    state: () => store.getState(),
    services,
    xr: () => import('../xr/xrStore.ts').then((m) => m.getXRStore()),
    voice: () => services.voice.manager().then((m) => m.debug()),
    stageVoice: () => services.stageVoice.get().then((v) => v.debug()),
    drawing: (on) =>
      port
        .get('stage')?.()
        .setFrameloop(on ? 'always' : 'never'),
    get ar() {
      return probe('arView', (p, v) => p.arProbe(v));
    },
    get match() {
      return probe('matchPlayer', (p, v) => p.matchProbe(v, store, serverClock));
    },
    get chat() {
      return probe('chatBubbles', (p, v) => p.chatProbe(v));
    },
    get reveal() {
      return probe('launchReveal', (p, v) => p.revealProbe(v));
    },
  };
  window.__courtside = hook;
  Object.defineProperty(window, '__courtsideXr', {
    configurable: true,
    get: () => probe('xrPanels', (p, v) => p.xrProbe(v)),
  });
}
