import { useLayoutEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { Text } from '@react-three/uikit';
import { useTranslation } from 'react-i18next';
import { Euler, Quaternion, Vector3 } from 'three';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { type PanelPlacement, panelPlacement } from '../panels/panelPlacement.ts';
import { XR_THEME } from '../shared/XrKit.tsx';
import { useOfferCards } from './useOfferCards.ts';

const head = new Vector3();
const headQuaternion = new Quaternion();
const headEuler = new Euler(0, 0, 0, 'YXZ');

/**
 * The offer cards in a headset: one small in-world panel, placed up and to the left in front of the
 * visitor when a new offer arrives (clear of the panel the visitor may have open), closed with its ×
 * (`xr-panel:offer-card`). Mount only inside an immersive session.
 */
export function XrOfferCards() {
  const { t } = useTranslation();
  const cards = useOfferCards();
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const [placement, setPlacement] = useState<PanelPlacement | null>(null);
  const newest = cards.at(-1)?.id ?? null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `newest` is the trigger: a new offer is placed where the visitor looks now.
  useLayoutEffect(() => {
    if (!newest) {
      setPlacement(null);
      return;
    }
    const eyes = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
    eyes.getWorldPosition(head);
    eyes.getWorldQuaternion(headQuaternion);
    headEuler.setFromQuaternion(headQuaternion, 'YXZ');
    // NOTE: 25° to the left and a little higher than a panel, so an open product card stays readable.
    setPlacement(panelPlacement(head, headEuler.y + 0.45, { distance: 0.9, drop: -0.05 }));
  }, [newest]);

  if (cards.length === 0 || !placement) return null;
  return (
    <group name="xr-offer-cards" position={placement.position} rotation-y={placement.rotationY}>
      <XrPanelFrame
        title={t('offers.title')}
        name="offer-card"
        width={340}
        onClose={() => {
          for (const c of cards) c.dismiss();
        }}
      >
        {cards.map((c) => (
          <Text key={c.id} fontSize={18} fontWeight="bold" color={XR_THEME.accent}>
            {`${c.headline} · ${c.endsIn}`}
          </Text>
        ))}
      </XrPanelFrame>
    </group>
  );
}
