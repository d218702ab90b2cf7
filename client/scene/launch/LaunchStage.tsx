import { useEffect, useMemo, useRef } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { CylinderGeometry, type Group } from 'three';
import { ARENA } from '../../../shared/arena.ts';
import { mergePainted, paint } from '../paintedGeometry.ts';
import { useRevealFrame } from './useRevealFrame.ts';

export type LaunchStageProps = Omit<ThreeElements['group'], 'ref'>;

const { radius, height } = ARENA.stage;

/** The disc and a lit rim round its top edge, painted into one geometry (one draw call). */
function stageGeometry() {
  return mergePainted([
    paint(new CylinderGeometry(radius, radius, height, 48, 1).translate(0, -height / 2, 0), '#20232c'),
    paint(new CylinderGeometry(radius + 0.02, radius + 0.02, 0.06, 48, 1, true).translate(0, -0.05, 0), '#6fb6ff'),
  ]);
}

/**
 * The launch stage at center court (shared/arena.ts `ARENA.stage`): a disc that rises out of the
 * floor during the reveal, stays up while the event is live (the host stands on it) and sinks after
 * the end. Hidden, and costing nothing, the rest of the time. Its top is at `height × stage`.
 */
export function LaunchStage(props: LaunchStageProps) {
  const group = useRef<Group>(null);
  const geometry = useMemo(stageGeometry, []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useRevealFrame(({ parts }) => {
    const g = group.current;
    if (!g) return;
    g.visible = parts.stage > 0;
    g.position.y = height * parts.stage;
  });
  return (
    <group ref={group} name="launch-stage" visible={false} {...props}>
      <mesh geometry={geometry}>
        <meshStandardMaterial vertexColors roughness={0.45} metalness={0.3} />
      </mesh>
    </group>
  );
}
