import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { XRStore } from '@react-three/xr';

/** Which immersive modes this browser (or the test emulator) offers, and whether one is running. */
export interface XrSupport {
  vr: boolean;
  ar: boolean;
  inSession: boolean;
}

async function supported(mode: XRSessionMode): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.xr) return false;
  return navigator.xr.isSessionSupported(mode).catch(() => false);
}

/** Loads the XR store (part of the lazy 3D chunk) without pulling it into the entry script. */
const loadXRStore = (): Promise<XRStore> => import('../../xr/xrStore.ts').then((m) => m.getXRStore());

/**
 * The Enter VR / View in your room model: asks `navigator.xr` which modes exist (again whenever the XR
 * store changes, since an emulator may install itself after the page starts) and enters them.
 */
export function useXrEntryModel() {
  const { t } = useTranslation();
  const [support, setSupport] = useState<XrSupport & { asked: boolean }>({
    vr: false,
    ar: false,
    inSession: false,
    asked: false,
  });
  const [store, setStore] = useState<XRStore | null>(null);
  const [native, setNative] = useState({ vr: false, ar: false, asked: false });

  useEffect(() => {
    let live = true;
    void Promise.all([supported('immersive-vr'), supported('immersive-ar')]).then(
      ([vr, ar]) => live && setNative({ vr, ar, asked: true }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    let unsubscribe = () => {};
    const check = async (xr: XRStore) => {
      const [vr, ar] = await Promise.all([supported('immersive-vr'), supported('immersive-ar')]);
      if (live) setSupport({ vr, ar, inSession: xr.getState().session != null, asked: true });
    };
    void loadXRStore().then((xr) => {
      if (!live) return;
      setStore(xr);
      void check(xr);
      unsubscribe = xr.subscribe((s, prev) => {
        if (s.emulator !== prev.emulator || s.session !== prev.session) void check(xr);
      });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  return {
    /** Both questions to `navigator.xr` have an answer, so a button that is missing now stays missing. */
    asked: native.asked && support.asked,
    showVr: store != null && support.vr && !support.inSession,
    /** immersive-vr exists in this browser (asked without the XR store, so before it has loaded). */
    canOfferVr: support.vr || native.vr,
    /** immersive-ar exists in this browser (asked without the XR store, so before it has loaded). */
    canOfferAr: support.ar || native.ar,
    /** The XR store has loaded, so entering VR can happen synchronously inside a click. */
    ready: store != null && support.vr,
    /** The XR store has loaded, so entering AR can happen synchronously inside a click. */
    arReady: store != null && support.ar,
    showAr: store != null && support.ar && !support.inSession,
    enterVrLabel: t('xr.enterVr'),
    enterArLabel: t('xr.enterAr'),
    enterVr: () => void store?.enterVR().catch(() => undefined),
    enterAr: () => void store?.enterAR().catch(() => undefined),
  };
}

export type XrEntryModel = ReturnType<typeof useXrEntryModel>;
