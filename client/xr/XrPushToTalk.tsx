import { useFrame } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { useServices } from '../state/context.tsx';
import { FRAME } from '../frame.ts';

/**
 * In a headset, holding the left controller's Y button is push-to-talk (X opens the menu; the grips
 * grab products). Writes only on a change, read per frame.
 */
export function XrPushToTalk() {
  const { store } = useServices();
  const left = useXRInputSourceState('controller', 'left');
  useFrame(() => {
    const s = store.getState();
    if (s.voiceStatus !== 'on') return;
    s.setVoiceTalking(left?.gamepad['y-button']?.state === 'pressed');
  }, FRAME.input);
  return null;
}
