import { useEffect, useMemo } from 'react';

/** The turntable state an inspected product is drawn with: radians of turn and a zoom factor. */
export interface InspectGesture {
  yaw: number;
  pitch: number;
  /** Distance multiplier: < 1 brings the product closer. */
  zoom: number;
}

export interface InspectGestureLimits {
  minZoom: number;
  maxZoom: number;
  /** Radians per pixel of drag. */
  turnPerPixel: number;
}

const DEFAULT_LIMITS: InspectGestureLimits = { minZoom: 0.5, maxZoom: 2, turnPerPixel: 0.01 };
// NOTE: past 1.2 rad: the studio already tips the product 0.3 rad toward the viewer, and a shoe's sole should be reachable square on.
const PITCH_LIMIT = 1.6;

/** Applies a zoom factor (wheel notch or pinch ratio) within limits. */
export function zoomBy(zoom: number, factor: number, limits: Pick<InspectGestureLimits, 'minZoom' | 'maxZoom'>): number {
  return Math.min(limits.maxZoom, Math.max(limits.minZoom, zoom * factor));
}

/** Applies a drag in pixels to the turntable: sideways turns, up/down tilts (clamped). */
export function turnBy(g: InspectGesture, dx: number, dy: number, perPixel: number): void {
  g.yaw += dx * perPixel;
  g.pitch = Math.max(-PITCH_LIMIT, Math.min(PITCH_LIMIT, g.pitch + dy * perPixel));
}

/**
 * Turns drags (mouse or one finger), the wheel and two-finger pinches on `element` into an
 * inspect turntable, while `active`. The returned object is mutated in place (read it in useFrame);
 * it resets whenever `resetKey` changes (a new product).
 */
export function useInspectGestures(
  element: HTMLElement | null,
  active: boolean,
  resetKey: unknown,
  limits: InspectGestureLimits = DEFAULT_LIMITS,
): InspectGesture {
  const gesture = useMemo<InspectGesture>(() => ({ yaw: 0, pitch: 0, zoom: 1 }), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger, not an input: a new product starts from the neutral turntable.
  useEffect(() => {
    gesture.yaw = 0;
    gesture.pitch = 0;
    gesture.zoom = 1;
  }, [gesture, resetKey]);
  useEffect(() => {
    if (!element || !active) return;
    const pointers = new Map<number, { x: number; y: number }>();
    let pinch = 0;
    const spread = () => {
      const [a, b] = [...pointers.values()];
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    };
    const down = (e: PointerEvent) => {
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      pinch = spread();
    };
    const move = (e: PointerEvent) => {
      const last = pointers.get(e.pointerId);
      if (!last) return;
      if (pointers.size === 1) turnBy(gesture, e.clientX - last.x, e.clientY - last.y, limits.turnPerPixel);
      last.x = e.clientX;
      last.y = e.clientY;
      if (pointers.size === 2) {
        const now = spread();
        if (pinch > 0 && now > 0) gesture.zoom = zoomBy(gesture.zoom, pinch / now, limits);
        pinch = now;
      }
    };
    const up = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      pinch = spread();
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      gesture.zoom = zoomBy(gesture.zoom, Math.exp(e.deltaY * 0.0015), limits);
    };
    element.addEventListener('pointerdown', down);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    element.addEventListener('wheel', wheel, { passive: false });
    return () => {
      element.removeEventListener('pointerdown', down);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      element.removeEventListener('wheel', wheel);
    };
  }, [element, active, gesture, limits]);
  return gesture;
}
