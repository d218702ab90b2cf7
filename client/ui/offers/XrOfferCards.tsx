import { useLayoutEffect, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { Container, Text } from '@react-three/uikit';
import { useTranslation } from 'react-i18next';
import { Euler, Quaternion, Vector3 } from 'three';
import { XR_PIXEL_SIZE } from '../panels/XrPanelFrame.tsx';
import { type PanelPlacement, panelPlacement } from '../panels/panelPlacement.ts';
import { XR_FONT_FAMILIES, XR_THEME, XrButton } from '../shared/XrKit.tsx';
import { useOfferCards } from './useOfferCards.ts';

const head = new Vector3();
const headQuaternion = new Quaternion();
const headEuler = new Euler(0, 0, 0, 'YXZ');

/**
 * The offer cards in a headset: one small in-world panel, placed up and to the left in front of the
 * visitor when a new offer arrives (clear of the panel the visitor may have open), `xr-panel:offer-card`,
 * closed with its own button (`xr-button:offer-card-dismiss`, not the panels' shared close). Mount only
 * inside an immersive session.
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
      <Container
        ref={(c) => {
          if (c) c.name = 'xr-panel:offer-card';
        }}
        pixelSize={XR_PIXEL_SIZE}
        fontFamilies={XR_FONT_FAMILIES}
        width={360}
        flexDirection="column"
        padding={18}
        gap={8}
        borderRadius={16}
        borderWidth={2}
        borderColor={XR_THEME.accent}
        backgroundColor={XR_THEME.panel}
      >
        <Container flexDirection="row" alignItems="center" justifyContent="space-between" gap={10}>
          <Text fontSize={20} fontWeight="bold" color={XR_THEME.accent} flexShrink={1}>
            {t('offers.title')}
          </Text>
          <XrButton
            label={t('panel.close')}
            name="offer-card-dismiss"
            fontSize={18}
            onClick={() => {
              for (const c of cards) c.dismiss();
            }}
          />
        </Container>
        {cards.map((c) => (
          <Container key={c.id} flexDirection="column" gap={2}>
            <Text fontSize={20} fontWeight="bold" color={XR_THEME.text}>
              {c.headline}
            </Text>
            <Text fontSize={16} color={XR_THEME.low}>
              {c.endsIn}
            </Text>
          </Container>
        ))}
      </Container>
    </group>
  );
}
