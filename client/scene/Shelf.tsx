import { useEffect, useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { type BufferGeometry, CanvasTexture, SRGBColorSpace } from 'three';
import { slotOffset, type ShelfLayout } from '../../shared/arena.ts';
import { mergePainted, paintedBox } from './paintedGeometry.ts';

export type ShelfProps = Omit<ThreeElements['group'], 'ref'> & {
  /** The shelf's place and size from shared/arena.ts SHELVES. */
  layout: ShelfLayout;
  /** The category sign's text, already translated. */
  label?: string;
  /** Stripe and sign colour. */
  accent?: string;
};

const HEADER = 0.5;
/** A plinth's footprint (metres): wide enough for a shoe or a pair of socks, shallow enough to leave room for the tag. */
const PLINTH = { width: 0.5, depth: 0.4 } as const;

/** A display plinth per slot, topped with a lit pad in the accent colour; without a riser, just a wide pad on the board. */
function displayParts(l: ShelfLayout, accent: string): BufferGeometry[] {
  const { boardHeight: b, riser: r } = l;
  return Array.from({ length: l.slots }, (_, i) => {
    const x = slotOffset(l, i);
    if (r <= 0) return [paintedBox(l.width / l.slots - 0.5, 0.012, l.depth - 0.12, x, b + 0.006, 0, accent)];
    return [
      paintedBox(PLINTH.width, r, PLINTH.depth, x, b + r / 2, 0, '#d9d3c7'),
      paintedBox(PLINTH.width + 0.02, 0.03, PLINTH.depth + 0.02, x, b + 0.015, 0, '#2a2e38'),
      paintedBox(PLINTH.width - 0.04, 0.012, PLINTH.depth - 0.04, x, b + r + 0.006, 0, accent),
    ];
  }).flat();
}

/** Cabinet, counter, back panel, header and display plinths of a shelf unit in its local frame (front toward +z). */
function unitGeometry(l: ShelfLayout, accent: string): BufferGeometry {
  const { width: w, depth: d, height: h, boardHeight: b } = l;
  return mergePainted([
    paintedBox(w, b - 0.04, d, 0, (b - 0.04) / 2, 0, '#343945'),
    paintedBox(w + 0.04, 0.04, d + 0.04, 0, b - 0.02, 0, '#efeae0'),
    // Accent stripe low on the cabinet front, below the row of shelf tags.
    paintedBox(w, 0.08, 0.02, 0, b - 0.4, d / 2 + 0.01, accent),
    paintedBox(w, h - b, 0.06, 0, b + (h - b) / 2, -d / 2 + 0.03, '#66718a'),
    // Plinths lift small goods nearer eye level; lit pads make them read from across the concourse.
    ...displayParts(l, accent),
    paintedBox(w, HEADER, d * 0.6, 0, h - HEADER / 2, -d * 0.2, '#15171c'),
    paintedBox(0.06, h - b, d * 0.6, -w / 2 + 0.03, b + (h - b) / 2, -d * 0.2, '#15171c'),
    paintedBox(0.06, h - b, d * 0.6, w / 2 - 0.03, b + (h - b) / 2, -d * 0.2, '#15171c'),
    // Light strip under the header, lighting the goods.
    paintedBox(w - 0.2, 0.03, 0.06, 0, h - HEADER - 0.02, d * 0.05, '#fff6dc'),
  ]);
}

function signTexture(label: string, accent: string): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = 1024;
  canvas.height = 64;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#101218';
  g.fillRect(0, 0, 1024, 64);
  g.fillStyle = accent;
  g.fillRect(0, 0, 1024, 5);
  g.fillRect(0, 59, 1024, 5);
  g.font = 'bold 38px sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = '#ffffff';
  g.fillText(label.toUpperCase(), 512, 34, 1000);
  const t = new CanvasTexture(canvas);
  t.colorSpace = SRGBColorSpace;
  return t;
}

/** A gear shelf unit facing the court with its display plinths and a lit category sign: two draw calls. */
export function Shelf({ layout, label = '', accent = '#fdb927', ...props }: ShelfProps) {
  const unit = useMemo(() => unitGeometry(layout, accent), [layout, accent]);
  const sign = useMemo(() => signTexture(label, accent), [label, accent]);
  useEffect(
    () => () => {
      unit.dispose();
      sign.dispose();
    },
    [unit, sign],
  );
  return (
    <group position={[layout.x, 0, layout.z]} rotation-y={layout.rotationY} {...props}>
      <mesh geometry={unit}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <mesh position={[0, layout.height - HEADER / 2, layout.depth * 0.1 + 0.005]}>
        <planeGeometry args={[layout.width, HEADER]} />
        <meshBasicMaterial map={sign} toneMapped={false} />
      </mesh>
    </group>
  );
}
