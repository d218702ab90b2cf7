import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { CanvasTexture, type Object3D, SRGBColorSpace } from 'three';
import { localize } from '../../../shared/i18nText.ts';
import { FRAME } from '../../frame.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useServices } from '../../state/context.tsx';
import { countdownAt, phaseAt } from '../../ui/events/countdown.ts';
import { countdownLabel } from '../../ui/events/eventText.ts';
import { COUNTDOWN_PX, countdownScreenKey, drawCountdownScreen } from './countdownCanvas.ts';

/**
 * The launch countdown on a screen: `overlay` (a mesh over the screen's picture) is shown while the
 * arena's event counts down or reveals, with the event's title and the clock on the server's clock
 * (the same edges as the HUD's countdown). The canvas is redrawn and uploaded only when the whole
 * second (or the phase, or the title) changes; the per-frame check compares numbers. `px` is the
 * canvas size (the screen's shape).
 */
export function useCountdownScreen(
  overlay: RefObject<Object3D | null>,
  px: { w: number; h: number } = COUNTDOWN_PX,
): CanvasTexture {
  const { store, serverClock } = useServices();
  const { t } = useTranslation();
  const texture = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = px.w;
    canvas.height = px.h;
    const tex = new CanvasTexture(canvas);
    tex.colorSpace = SRGBColorSpace;
    return tex;
  }, [px.w, px.h]);
  useEffect(() => () => texture.dispose(), [texture]);
  const drawn = useRef<{ key: number | null; events: unknown; locale: string }>({ key: null, events: null, locale: '' });
  useFrame(() => {
    const o = overlay.current;
    if (!o) return;
    const s = store.getState();
    const event = s.venueEvent;
    const now = serverClock.now();
    const key = event ? countdownScreenKey(phaseAt(event, now), event.startsAtMs - now) : null;
    o.visible = key !== null;
    if (!event || key === null) return;
    const d = drawn.current;
    if (key === d.key && s.events === d.events && s.profile.locale === d.locale) return;
    d.key = key;
    d.events = s.events;
    d.locale = s.profile.locale;
    const listed = s.events?.find((e) => e.id === event.id)?.title ?? null;
    const hero = findProduct(s.catalog, event.heroProductId);
    const title = listed ? localize(listed, s.profile.locale) : hero ? localize(hero.name, s.profile.locale) : t('events.launch');
    const cd = countdownAt(event, now);
    const big = cd.phase === 'countdown' ? cd.clock : countdownLabel(t, cd, s.profile.locale);
    drawCountdownScreen((texture.image as HTMLCanvasElement).getContext('2d')!, { title, big, phase: cd.phase });
    o.userData.line = `${title} ${big}`;
    texture.needsUpdate = true;
  }, FRAME.effects);
  return texture;
}
