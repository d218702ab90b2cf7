import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../state/context.tsx';
import { isMoveKey, lookFromPointer, moveFromKeys, runFromKeys, TOUCH_LOOK_SENSITIVITY } from './intents.ts';
import { TouchJoystick } from './TouchJoystick.tsx';
import { wasPicked } from './pickedClicks.ts';

export interface DomControlsProps {
  /** Show the touch joystick even on a fine pointer (for testing); otherwise it appears on touch. */
  forceTouch?: boolean;
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
const coarse = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/**
 * Desktop and phone input for walking the arena, as a DOM sibling of the Canvas (mount while in the
 * arena). Keys (WASD, arrows, Shift) and mouse-look under pointer lock become intents in
 * `localPlayer`; a click while locked selects the product under the crosshair and releases the
 * mouse for its card. On touch screens: a joystick bottom-left and drag-to-look on the canvas.
 */
export function DomControls({ forceTouch = false }: DomControlsProps) {
  const { store, localPlayer } = useServices();
  const { t } = useTranslation();
  const [locked, setLocked] = useState(false);
  const [touch, setTouch] = useState(() => forceTouch || coarse());

  // Keyboard → move intent.
  useEffect(() => {
    const held = new Set<string>();
    const apply = () => {
      const m = moveFromKeys(held);
      localPlayer.move.x = m.x;
      localPlayer.move.z = m.z;
      localPlayer.run = runFromKeys(held);
    };
    const down = (e: KeyboardEvent) => {
      if (isTyping(e.target) || !isMoveKey(e.code)) return;
      if (e.code.startsWith('Arrow')) e.preventDefault();
      held.add(e.code);
      apply();
    };
    const up = (e: KeyboardEvent) => {
      held.delete(e.code);
      apply();
    };
    const clear = () => {
      held.clear();
      apply();
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', clear);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', clear);
      clear();
    };
  }, [localPlayer]);

  // Pointer lock: a click on the canvas locks; Esc (browser default) releases; mouse moves look.
  useEffect(() => {
    const changed = () => setLocked(document.pointerLockElement !== null);
    const click = (e: MouseEvent) => {
      const s = store.getState();
      if (document.pointerLockElement) {
        // NOTE: capture phase: a locked click never reaches R3F, whose pointer position is stale.
        e.stopPropagation();
        const id = s.hoveredProductId;
        if (id) {
          s.openProduct(id);
          document.exitPointerLock();
        } else if (s.farProductId) {
          // NOTE: a product beyond reach under the crosshair: offer to go there, with the mouse free for the offer.
          s.offerReach(s.farProductId);
          document.exitPointerLock();
        }
        return;
      }
      if (!(e.target instanceof HTMLCanvasElement) || touch) return;
      // Deferred one task: R3F's own click (on a hovered product) opens a card first, and then no lock.
      setTimeout(() => {
        const now = store.getState();
        if (wasPicked(e) || now.panel !== 'none' || now.hoveredProductId || now.farProductId || now.reachOfferId) return;
        if (now.phase !== 'arena') return;
        void Promise.resolve((e.target as HTMLCanvasElement).requestPointerLock()).catch(() => {});
      }, 0);
    };
    const move = (e: MouseEvent) => {
      if (!document.pointerLockElement) return;
      const look = lookFromPointer(e.movementX, e.movementY);
      localPlayer.look.yaw += look.yaw;
      localPlayer.look.pitch += look.pitch;
    };
    // A panel opened any other way (HUD button, keyboard) frees the mouse for it.
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.panel !== prev.panel && s.panel !== 'none' && document.pointerLockElement) document.exitPointerLock();
    });
    document.addEventListener('pointerlockchange', changed);
    window.addEventListener('click', click, true);
    document.addEventListener('mousemove', move);
    return () => {
      unsubscribe();
      document.removeEventListener('pointerlockchange', changed);
      window.removeEventListener('click', click, true);
      document.removeEventListener('mousemove', move);
      if (document.pointerLockElement) document.exitPointerLock();
    };
  }, [store, localPlayer, touch]);

  // Touch: any finger on the canvas turns touch mode on and drags to look (while no panel is open).
  useEffect(() => {
    const fingers = new Map<number, { x: number; y: number }>();
    const down = (e: PointerEvent) => {
      if (e.pointerType !== 'touch' || !(e.target instanceof HTMLCanvasElement)) return;
      e.target.style.touchAction = 'none';
      setTouch(true);
      fingers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    };
    const move = (e: PointerEvent) => {
      const last = fingers.get(e.pointerId);
      if (!last) return;
      if (store.getState().panel === 'none' && fingers.size === 1) {
        const look = lookFromPointer(e.clientX - last.x, e.clientY - last.y, TOUCH_LOOK_SENSITIVITY);
        localPlayer.look.yaw += look.yaw;
        localPlayer.look.pitch += look.pitch;
      }
      last.x = e.clientX;
      last.y = e.clientY;
    };
    const up = (e: PointerEvent) => void fingers.delete(e.pointerId);
    window.addEventListener('pointerdown', down);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    return () => {
      window.removeEventListener('pointerdown', down);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
    };
  }, [store, localPlayer]);

  return (
    <>
      {locked && <div className="crosshair" data-testid="crosshair" aria-hidden="true" style={CROSSHAIR} />}
      {touch && <TouchJoystick label={t('controls.joystick')} />}
    </>
  );
}

const CROSSHAIR: CSSProperties = {
  position: 'fixed',
  left: '50%',
  top: '50%',
  width: 8,
  height: 8,
  margin: '-4px 0 0 -4px',
  borderRadius: '50%',
  background: 'rgba(255,255,255,0.9)',
  boxShadow: '0 0 0 2px rgba(0,0,0,0.45)',
  pointerEvents: 'none',
  zIndex: 5,
};
