import { useEffect, useRef } from 'react';
import { useReachModel } from './useReachModel.ts';
import './reach.css';

/**
 * The hint under the cursor (or under the crosshair while the mouse is captured) when the product
 * aimed at is too far to pick: "Too far: click to walk closer". Follows the mouse outside React.
 */
export function ReachHint() {
  const m = useReachModel();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // NOTE: per-move positions go straight to the element's style, never through React state.
    const move = (e: PointerEvent) => {
      const el = box.current;
      if (!el || document.pointerLockElement) return;
      el.style.left = `${e.clientX}px`;
      el.style.top = `${e.clientY + 22}px`;
    };
    window.addEventListener('pointermove', move);
    return () => window.removeEventListener('pointermove', move);
  }, []);

  return (
    <div
      ref={box}
      className={`reach-hint ${m.hint ? 'shown' : ''}`}
      data-testid="reach-hint"
      data-product-id={m.hint?.id}
      role="status"
      aria-live="polite"
    >
      {m.hint && (
        <>
          <strong>{m.hint.name}</strong> · {m.hint.text}
        </>
      )}
    </div>
  );
}
