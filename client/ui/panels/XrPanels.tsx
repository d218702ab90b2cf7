import { useLayoutEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { Euler, Quaternion, Vector3 } from 'three';
import { useExpose } from '../../debug/inspect.ts';
import { useApp } from '../../state/context.tsx';
import type { Panel } from '../../state/uiSlice.ts';
import { type PanelPlacement, panelPlacement } from './panelPlacement.ts';
import { XrCartPanel } from '../cart/XrCartPanel.tsx';
import { XrCheckoutPanel } from '../checkout/XrCheckoutPanel.tsx';
import { XrConfirmationPanel } from '../checkout/XrConfirmationPanel.tsx';
import { XrOrderPage } from '../orders/XrOrderPage.tsx';
import { XrOrdersPanel } from '../orders/XrOrdersPanel.tsx';
import { XrProductCard } from '../productCard/XrProductCard.tsx';
import { XrSettingsPanel } from '../comfort/XrSettingsPanel.tsx';
import { XrChatPanel } from '../chat/XrChatPanel.tsx';
import { XrSquadPanel } from '../squad/XrSquadPanel.tsx';
import { Xr360Bar } from '../match/Xr360Bar.tsx';
import { XrEventsPanel } from '../events/XrEventsPanel.tsx';
import { XrOfferCards } from '../offers/XrOfferCards.tsx';
import { XrHostBarPlaced } from '../host/XrHostBarPlaced.tsx';
import { XrQnaPanel } from '../qna/XrQnaPanel.tsx';
import { XrDirectoryPanel } from '../directory/XrDirectoryPanel.tsx';

const head = new Vector3();
const headQuaternion = new Quaternion();
const headEuler = new Euler(0, 0, 0, 'YXZ');

function XrPanel({ panel }: { panel: Panel }) {
  switch (panel) {
    case 'product':
      return <XrProductCard />;
    case 'cart':
      return <XrCartPanel />;
    case 'checkout':
      return <XrCheckoutPanel />;
    case 'confirmation':
      return <XrConfirmationPanel />;
    case 'orders':
      return <XrOrdersPanel />;
    case 'order':
      return <XrOrderPage />;
    case 'chat':
      return <XrChatPanel />;
    case 'settings':
      return <XrSettingsPanel />;
    case 'squad':
      return <XrSquadPanel />;
    case 'events':
      return <XrEventsPanel />;
    case 'qna':
      return <XrQnaPanel />;
    case 'directory':
      return <XrDirectoryPanel />;
    default:
      return null;
  }
}

/**
 * The open panel as an in-world panel (the XR twin of Panels). It is placed 0.8 m in front of the
 * visitor at chest height when it opens, or when another product is selected, and then stays put
 * while the visitor moves between cart, checkout and confirmation. Mount only inside an immersive session.
 */
export function XrPanels() {
  const panel = useApp((s) => s.panel);
  const productId = useApp((s) => s.productId);
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const [placement, setPlacement] = useState<PanelPlacement | null>(null);
  const view360 = useApp((s) => s.view360);
  const [barPlacement, setBarPlacement] = useState<PanelPlacement | null>(null);
  const open = panel !== 'none';
  useExpose(
    'xrPanels',
    useThree((s) => s.get),
  );

  // The 360° bar: placed low in front of the visitor when they step in, out of the picture's centre.
  useLayoutEffect(() => {
    if (!view360) {
      setBarPlacement(null);
      return;
    }
    const eyes = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
    eyes.getWorldPosition(head);
    eyes.getWorldQuaternion(headQuaternion);
    headEuler.setFromQuaternion(headQuaternion, 'YXZ');
    setBarPlacement(panelPlacement(head, headEuler.y, { distance: 0.75, drop: 0.4 }));
  }, [view360, gl, camera]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: productId is a trigger: selecting another product re-places the card in front of the visitor.
  useLayoutEffect(() => {
    if (!open) {
      setPlacement(null);
      return;
    }
    // NOTE: in a session three drives the XR camera from the headset; the scene camera lags a frame.
    const eyes = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
    eyes.getWorldPosition(head);
    eyes.getWorldQuaternion(headQuaternion);
    headEuler.setFromQuaternion(headQuaternion, 'YXZ');
    setPlacement(panelPlacement(head, headEuler.y));
  }, [open, productId, gl, camera]);

  return (
    <>
      <XrOfferCards />
      {view360 && !open && barPlacement && (
        <group name="xr-360-bar" position={barPlacement.position} rotation-y={barPlacement.rotationY} rotation-x={-0.35}>
          <Xr360Bar />
        </group>
      )}
      {!view360 && !open && <XrHostBarPlaced />}
      {open && placement && (
        <group name="xr-panels" position={placement.position} rotation-y={placement.rotationY}>
          <XrPanel panel={panel} />
        </group>
      )}
    </>
  );
}
