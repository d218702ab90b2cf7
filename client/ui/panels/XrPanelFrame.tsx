import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { XR_FONT_FAMILIES, XR_THEME, XrButton } from '../shared/XrKit.tsx';

export interface XrPanelFrameProps {
  title: string;
  /** Names the panel's root object `xr-panel:<name>` (the in-world twin of the DOM skin's test id). */
  name: string;
  onClose: () => void;
  /** Width in layout pixels (XR_PIXEL_SIZE metres each). */
  width?: number;
  children: ReactNode;
}

/**
 * Metres per layout pixel: 1.25 mm, so a 44 px button is 5.5 cm tall and 16 px text 2 cm. NOTE: 1 mm
 * made body text hard to read in a headset at arm's length; every in-world panel scales together.
 */
export const XR_PIXEL_SIZE = 0.00125;

/**
 * The in-world frame every panel shares: a titled sheet with a close button, laid out in layout pixels of XR_PIXEL_SIZE.
 * Where it stands is up to XrPanels.
 */
export function XrPanelFrame({ title, name, onClose, width = 460, children }: XrPanelFrameProps) {
  const { t } = useTranslation();
  return (
    <Container
      ref={(c) => {
        if (c) c.name = `xr-panel:${name}`;
      }}
      pixelSize={XR_PIXEL_SIZE}
      fontFamilies={XR_FONT_FAMILIES}
      width={width}
      flexDirection="column"
      padding={22}
      gap={14}
      borderRadius={18}
      borderWidth={2}
      borderColor={XR_THEME.line}
      backgroundColor={XR_THEME.panel}
    >
      <Container flexDirection="row" alignItems="center" justifyContent="space-between" gap={12}>
        <Text fontSize={26} fontWeight="bold" color={XR_THEME.text} flexShrink={1}>
          {title}
        </Text>
        <XrButton label={t('panel.close')} name="panel-close" onClick={onClose} fontSize={16} />
      </Container>
      {children}
    </Container>
  );
}
