import { useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { useServices } from '../state/context.tsx';
import { FRAME } from '../frame.ts';

/**
 * The left controller's X (or menu) button opens the comfort settings panel, and closes it again.
 * Reads the button per frame and acts on the press edge only, so holding it does not flicker.
 */
export function XrMenuButton() {
  const { store } = useServices();
  const left = useXRInputSourceState('controller', 'left');
  const held = useMemo(() => ({ down: false }), []);

  useFrame(() => {
    const down = left?.gamepad['x-button']?.state === 'pressed' || left?.gamepad.menu?.state === 'pressed';
    if (down && !held.down) {
      const s = store.getState();
      if (s.panel === 'settings') s.closePanel();
      else s.openPanel('settings');
    }
    held.down = down;
  }, FRAME.input);
  return null;
}
