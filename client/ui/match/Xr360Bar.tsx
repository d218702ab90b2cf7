import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { useMatchModel } from './useMatchModel.ts';
import { XR_FONT_FAMILIES, XR_THEME, XrButton } from '../shared/XrKit.tsx';
import { XR_PIXEL_SIZE } from '../panels/XrPanelFrame.tsx';

/**
 * The 360° view's in-world controls (the XR twin of MatchOverlay's 360 bar): the angle chips, the way
 * back to the arena, the caption line and, during a shoppable moment, See it and Add to cart.
 * Buttons are `xr-button:match-angle-<id|director>`, `match-back`, `match-moment-open`, `match-moment-add`.
 */
export function Xr360Bar() {
  const { t } = useTranslation();
  const m = useMatchModel();
  return (
    <Container
      ref={(c) => {
        if (c) c.name = 'xr-panel:match-360';
      }}
      pixelSize={XR_PIXEL_SIZE}
      fontFamilies={XR_FONT_FAMILIES}
      // NOTE: hung from its top edge, so a caption or moment row appearing below never moves the buttons.
      anchorY="top"
      width={620}
      flexDirection="column"
      padding={16}
      gap={10}
      borderRadius={16}
      borderWidth={2}
      borderColor={XR_THEME.line}
      backgroundColor={XR_THEME.panel}
    >
      <Container flexDirection="row" flexWrap="wrap" gap={8} alignItems="center">
        <XrButton label={m.backLabel} name="match-back" variant="primary" onClick={m.exit360} />
        {m.angles.map((a) => (
          <XrButton
            key={a.id ?? 'director'}
            label={a.label}
            name={`match-angle-${a.id ?? 'director'}`}
            variant={a.selected ? 'selected' : 'chip'}
            fontSize={16}
            onClick={() => m.chooseAngle(a.id)}
          />
        ))}
      </Container>
      {m.caption ? (
        <Text fontSize={18} color={XR_THEME.text}>
          {m.caption}
        </Text>
      ) : null}
      {m.moment ? (
        <Container flexDirection="row" gap={8} alignItems="center">
          <Text fontSize={16} color={XR_THEME.text} flexShrink={1}>
            {`${m.moment.label} · ${m.moment.price}`}
          </Text>
          <XrButton label={t('match.momentOpen')} name="match-moment-open" onClick={m.openMoment} fontSize={16} />
          <XrButton
            label={m.moment.added ? t('product.added') : t('match.momentAdd')}
            name="match-moment-add"
            variant="primary"
            fontSize={16}
            disabled={m.moment.adding || m.moment.added}
            onClick={() => void m.addMoment()}
          />
        </Container>
      ) : null}
    </Container>
  );
}
