import { useEffect, useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { BufferGeometry, DoubleSide, Float32BufferAttribute, TorusGeometry } from 'three';
import { ARENA } from '../../shared/arena.ts';
import { STANCHION } from '../xr/collision.ts';
import { mergePainted, paint, paintedBox } from './paintedGeometry.ts';

export type HoopProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Which end of the court: -1 for the −x basket, 1 for the +x basket. */
  side?: -1 | 1;
  /** Padding colour of the stanchion base. */
  padColor?: string;
};

const BOARD = { width: 1.83, height: 1.07, bottom: 2.9, thickness: 0.03 } as const;
const RIM_RADIUS = 0.23;

/**
 * A basketball goal built in the hoop's local frame (x points from the basket toward the baseline).
 * Base, pole, arm, board frame, shooter's square and rim share one vertex-coloured geometry.
 */
function goalGeometry(padColor: string): BufferGeometry {
  const boardX = ARENA.hoop.backboardFromBaseline;
  const baseX = -ARENA.hoop.backboardFromBaseline - STANCHION.fromBaseline;
  // Local frame: backboard face at x = 0, baseline at x = +1.22, stanchion further out.
  const base = -baseX;
  const poleX = base + 0.2;
  const armY = BOARD.bottom + BOARD.height / 2;
  const frame = '#f4f4f4';
  const steel = '#30333a';
  const parts = [
    paintedBox(STANCHION.depth, 1.0, STANCHION.width, base, 0.5, 0, padColor),
    paintedBox(0.22, armY + 0.1, 0.22, poleX, (armY + 0.1) / 2, 0, steel),
    paintedBox(poleX, 0.16, 0.16, poleX / 2, armY, 0, steel),
    paintedBox(0.2, 0.5, 0.06, 0.12, armY - 0.2, 0, steel),
    // Board frame: 5 cm white border strips just in front of the glass.
    paintedBox(0.02, 0.05, BOARD.width, -0.02, BOARD.bottom + 0.025, 0, frame),
    paintedBox(0.02, 0.05, BOARD.width, -0.02, BOARD.bottom + BOARD.height - 0.025, 0, frame),
    paintedBox(0.02, BOARD.height, 0.05, -0.02, armY, BOARD.width / 2 - 0.025, frame),
    paintedBox(0.02, BOARD.height, 0.05, -0.02, armY, -BOARD.width / 2 + 0.025, frame),
    // Shooter's square: 61 × 46 cm, its bottom on the rim's height.
    paintedBox(0.02, 0.05, 0.61, -0.02, ARENA.hoop.rimHeight + 0.025, 0, frame),
    paintedBox(0.02, 0.05, 0.61, -0.02, ARENA.hoop.rimHeight + 0.435, 0, frame),
    paintedBox(0.02, 0.46, 0.05, -0.02, ARENA.hoop.rimHeight + 0.23, 0.28, frame),
    paintedBox(0.02, 0.46, 0.05, -0.02, ARENA.hoop.rimHeight + 0.23, -0.28, frame),
    // Rim and its bracket: rim centre 15 cm in front of the board, at 3.05 m.
    paintedBox(0.16, 0.04, 0.14, -0.08, ARENA.hoop.rimHeight, 0, '#e0561b'),
    paint(
      new TorusGeometry(RIM_RADIUS, 0.01, 6, 28)
        .rotateX(Math.PI / 2)
        .translate(-(ARENA.hoop.rimFromBaseline - boardX), ARENA.hoop.rimHeight, 0),
      '#e0561b',
    ),
  ];
  return mergePainted(parts);
}

/** The net: 12 cords twisting down from the rim to a narrower bottom ring, as line segments. */
function netGeometry(): BufferGeometry {
  const cx = -(ARENA.hoop.rimFromBaseline - ARENA.hoop.backboardFromBaseline);
  const top = ARENA.hoop.rimHeight;
  const levels = [0, 0.12, 0.25, 0.38];
  const radii = [RIM_RADIUS, 0.2, 0.16, 0.14];
  const cords = 12;
  const pts: number[] = [];
  const point = (level: number, k: number) => {
    const a = ((k + (level % 2) * 0.5) / cords) * Math.PI * 2;
    return [cx + Math.cos(a) * radii[level]!, top - levels[level]!, Math.sin(a) * radii[level]!];
  };
  for (let l = 0; l < levels.length - 1; l++) {
    for (let k = 0; k < cords; k++) {
      pts.push(...point(l, k), ...point(l + 1, k), ...point(l, k + 1), ...point(l + 1, k));
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pts, 3));
  return g;
}

/** One basket: stanchion base and arm, 1.83 × 1.07 m glass backboard, Ø 46 cm rim at 3.05 m, net. */
export function Hoop({ side = 1, padColor = '#1d428a', ...props }: HoopProps) {
  const goal = useMemo(() => goalGeometry(padColor), [padColor]);
  const net = useMemo(netGeometry, []);
  useEffect(
    () => () => {
      goal.dispose();
      net.dispose();
    },
    [goal, net],
  );
  const boardX = side * (ARENA.court.length / 2 - ARENA.hoop.backboardFromBaseline);
  return (
    <group {...props}>
      <group position-x={boardX} rotation-y={side > 0 ? 0 : Math.PI}>
        <mesh geometry={goal}>
          <meshLambertMaterial vertexColors />
        </mesh>
        <lineSegments geometry={net}>
          <lineBasicMaterial color="#f2f2f2" />
        </lineSegments>
        <mesh position={[0.015, BOARD.bottom + BOARD.height / 2, 0]} rotation-y={-Math.PI / 2}>
          <planeGeometry args={[BOARD.width, BOARD.height]} />
          <meshBasicMaterial color="#bfe3ff" transparent opacity={0.18} depthWrite={false} side={DoubleSide} />
        </mesh>
      </group>
    </group>
  );
}
