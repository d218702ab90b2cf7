import { useRef, useState } from 'react';
import { useServices } from '../state/context.tsx';
import { moveFromJoystick } from './intents.ts';

export interface TouchJoystickProps {
  /** Accessible name (translated). */
  label: string;
  /** Radius of the knob's travel in CSS pixels. */
  radius?: number;
}

/** A virtual thumb-stick bottom-left: dragging its knob writes a move intent, releasing stops. */
export function TouchJoystick({ label, radius = 56 }: TouchJoystickProps) {
  const { localPlayer } = useServices();
  const [knob, setKnob] = useState({ x: 0, y: 0 });
  const origin = useRef<{ id: number; x: number; y: number } | null>(null);
  const set = (dx: number, dy: number) => {
    const len = Math.hypot(dx, dy);
    const k = len > radius ? radius / len : 1;
    setKnob({ x: dx * k, y: dy * k });
    const m = moveFromJoystick(dx, dy, radius);
    localPlayer.move.x = m.x;
    localPlayer.move.z = m.z;
  };
  const end = () => {
    origin.current = null;
    set(0, 0);
  };
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: a pointer-only thumb-stick shown on touch screens; keyboards walk with WASD/arrow keys (DomControls), so it is deliberately not a tab stop.
    <div
      role="slider"
      aria-label={label}
      aria-valuenow={0}
      data-testid="joystick"
      className="joystick"
      style={{
        position: 'fixed',
        left: 24,
        bottom: 24,
        width: radius * 2 + 32,
        height: radius * 2 + 32,
        borderRadius: '50%',
        background: 'rgba(255,255,255,0.12)',
        border: '2px solid rgba(255,255,255,0.35)',
        touchAction: 'none',
        zIndex: 6,
      }}
      onPointerDown={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        origin.current = { id: e.pointerId, x: r.left + r.width / 2, y: r.top + r.height / 2 };
        e.currentTarget.setPointerCapture(e.pointerId);
        set(e.clientX - origin.current.x, e.clientY - origin.current.y);
      }}
      onPointerMove={(e) => {
        const o = origin.current;
        if (o && o.id === e.pointerId) set(e.clientX - o.x, e.clientY - o.y);
      }}
      onPointerUp={end}
      onPointerCancel={end}
    >
      <div
        style={{
          position: 'absolute',
          left: '50%',
          top: '50%',
          width: 56,
          height: 56,
          margin: '-28px 0 0 -28px',
          borderRadius: '50%',
          background: 'rgba(255,255,255,0.75)',
          transform: `translate(${knob.x}px, ${knob.y}px)`,
          pointerEvents: 'none',
        }}
      />
    </div>
  );
}
