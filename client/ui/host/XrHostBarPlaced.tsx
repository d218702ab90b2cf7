import { useLayoutEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { Euler, Quaternion, Vector3 } from 'three';
import { type PanelPlacement, panelPlacement } from '../panels/panelPlacement.ts';
import { XrHostBar } from './XrHostBar.tsx';

const head = new Vector3();
const headQuaternion = new Quaternion();
const headEuler = new Euler(0, 0, 0, 'YXZ');

/**
 * The in-world host bar, placed low in front of the visitor when it mounts (XrPanels mounts it while
 * no panel is open, so closing a panel brings it back in front of them). Mount only in a session.
 */
export function XrHostBarPlaced() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const [placement, setPlacement] = useState<PanelPlacement | null>(null);
  useLayoutEffect(() => {
    const eyes = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
    eyes.getWorldPosition(head);
    eyes.getWorldQuaternion(headQuaternion);
    headEuler.setFromQuaternion(headQuaternion, 'YXZ');
    setPlacement(panelPlacement(head, headEuler.y, { distance: 0.8, drop: 0.45 }));
  }, [gl, camera]);
  if (!placement) return null;
  return (
    <group name="xr-host-bar" position={placement.position} rotation-y={placement.rotationY} rotation-x={-0.35}>
      <XrHostBar />
    </group>
  );
}
