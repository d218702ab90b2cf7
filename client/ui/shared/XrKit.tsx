import { type ReactNode, useMemo, useRef } from 'react';
import { Container, type FontFamilies, Text } from '@react-three/uikit';
import { createPress } from '../../xr/xrPress.ts';

/** Colours of the in-world panels: the DOM skin's palette (client/styles.css). */
export const XR_THEME = {
  panel: '#12151e',
  line: '#2a2f3d',
  raised: '#1d2230',
  text: '#f2f4f8',
  muted: '#9aa3b2',
  accent: '#ff6b1a',
  accentHover: '#ff8a45',
  ok: '#3ddc84',
  low: '#ffc44d',
  out: '#ff5a5f',
} as const;

/**
 * The panels' one font: WenQuanYi Micro Hei as an MSDF atlas built by `npm run fonts` (public/fonts/) with
 * every character the panels can show, Chinese included. Set on every uikit root (XrPanelFrame, the AR
 * toolbar) so uikit never loads its bundled Inter, which has only ASCII. One weight: bold and medium
 * text draw with it too.
 */
export const XR_FONT_FAMILIES: FontFamilies = {
  courtside: { normal: `${import.meta.env.BASE_URL}fonts/courtside-msdf.json` },
};

/** Stock tones of the product card mapped to colours. */
export const TONE_COLOR: Record<string, string> = { ok: XR_THEME.ok, low: XR_THEME.low, out: XR_THEME.out };

export interface XrButtonProps {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  /** `primary` is the panel's main action; `ghost` a quiet one; `selected` a chosen chip. */
  variant?: 'primary' | 'ghost' | 'chip' | 'selected';
  /** Names the button's object (`xr-button:<name>`) so tests and tools can find it in the scene. */
  name?: string;
  grow?: boolean;
  fontSize?: number;
  children?: ReactNode;
}

const BACKGROUND = { primary: XR_THEME.accent, ghost: XR_THEME.raised, chip: XR_THEME.raised, selected: XR_THEME.text };
const FOREGROUND = { primary: '#ffffff', ghost: XR_THEME.text, chip: XR_THEME.text, selected: XR_THEME.panel };

/**
 * A button big enough to hit with a controller ray at arm's length (4+ cm tall at 1 px = 1 mm).
 * A disabled button stays visible, dimmed, and ignores the ray.
 */
export function XrButton({
  label,
  onClick,
  disabled = false,
  variant = 'ghost',
  name,
  grow = false,
  fontSize = 18,
  children,
}: XrButtonProps) {
  const latest = useRef({ onClick, disabled });
  latest.current = { onClick, disabled };
  const press = useMemo(() => createPress(() => !latest.current.disabled && latest.current.onClick()), []);
  return (
    <Container
      ref={(c) => {
        if (c && name) c.name = `xr-button:${name}`;
      }}
      flexDirection="row"
      alignItems="center"
      justifyContent="center"
      gap={8}
      minHeight={44}
      paddingX={16}
      flexGrow={grow ? 1 : 0}
      borderRadius={10}
      borderWidth={variant === 'selected' ? 0 : 1}
      borderColor={variant === 'primary' ? XR_THEME.accent : XR_THEME.line}
      backgroundColor={BACKGROUND[variant]}
      opacity={disabled ? 0.4 : 1}
      // NOTE: uikit reads conditional styles with Object.entries: an explicit `undefined` throws.
      {...(disabled
        ? {}
        : { hover: { backgroundColor: variant === 'primary' ? XR_THEME.accentHover : XR_THEME.line }, cursor: 'pointer' })}
      pointerEvents={disabled ? 'none' : 'auto'}
      {...press}
    >
      {children}
      <Text fontSize={fontSize} fontWeight="medium" color={FOREGROUND[variant]}>
        {label}
      </Text>
    </Container>
  );
}

export interface XrStepperProps {
  value: number;
  canDecrease?: boolean;
  canIncrease?: boolean;
  onDecrease: () => void;
  onIncrease: () => void;
  /** Prefix of the two buttons' names: `<name>-decrease`, `<name>-increase`. */
  name: string;
}

/** − / value / + for quantities, the in-world twin of QuantityStepper. */
export function XrStepper({ value, canDecrease = true, canIncrease = true, onDecrease, onIncrease, name }: XrStepperProps) {
  return (
    <Container flexDirection="row" alignItems="center" gap={6}>
      <XrButton label="-" name={`${name}-decrease`} disabled={!canDecrease} onClick={onDecrease} fontSize={22} />
      <Text fontSize={20} fontWeight="bold" color={XR_THEME.text} minWidth={32} textAlign="center">
        {String(value)}
      </Text>
      <XrButton label="+" name={`${name}-increase`} disabled={!canIncrease} onClick={onIncrease} fontSize={22} />
    </Container>
  );
}

/** A small grey label above a group of controls. */
export function XrLabel({ children }: { children: string }) {
  return (
    <Text fontSize={14} fontWeight="medium" color={XR_THEME.muted}>
      {children}
    </Text>
  );
}

/** A row with a label on the left and a value on the right (totals, facts). */
export function XrRow({ label, value, name }: { label: string; value: string; name?: string }) {
  return (
    <Container flexDirection="row" justifyContent="space-between" alignItems="center">
      <Text fontSize={17} color={XR_THEME.muted}>
        {label}
      </Text>
      <Text
        ref={(t) => {
          if (t && name) t.name = `xr-text:${name}`;
        }}
        fontSize={20}
        fontWeight="bold"
        color={XR_THEME.text}
      >
        {value}
      </Text>
    </Container>
  );
}
