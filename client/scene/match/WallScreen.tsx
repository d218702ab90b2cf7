import { useEffect, useMemo, useRef } from 'react';
import type { Mesh } from 'three';
import type { ThreeElements } from '@react-three/fiber';
import { mergePainted, paintedBox } from '../paintedGeometry.ts';
import { useMatchPlayer } from './MatchPlayerContext.tsx';
import { type ScreenFace, ScreenMarkers } from './ScreenMarkers.tsx';
import { createScreenMaterial } from './screenMaterial.ts';
import { useScoreboardTexture, useScreenFeed } from './screenFeed.ts';
import { useCountdownScreen } from './useCountdownScreen.ts';

/** The countdown canvas for a 16:9 picture. */
const WALL_PX = { w: 1024, h: 576 } as const;

export type WallScreenProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Picture width in metres (16:9 below a scoreboard strip). */
  width?: number;
};

/**
 * A large screen over the end stands: the same director's feed as the center-hung screen, a scoreboard
 * strip under it, and the moment marker; a launch event's countdown covers the picture while it
 * counts down or reveals. Faces +z in its own frame; place and turn it with props.
 */
export function WallScreen({ width = 14, ...props }: WallScreenProps) {
  const player = useMatchPlayer();
  const height = (width * 9) / 16;
  const boardHeight = width * 0.11;
  const face = useMemo<ScreenFace[]>(
    () => [{ position: [0, boardHeight + height / 2 + 0.1, 0.06], rotationY: 0, width, height }],
    [width, height, boardHeight],
  );
  const material = useMemo(() => createScreenMaterial(width / height), [width, height]);
  const scoreboard = useScoreboardTexture();
  const frame = useMemo(
    () =>
      mergePainted([paintedBox(width + 0.6, height + boardHeight + 0.7, 0.1, 0, (height + boardHeight + 0.2) / 2, 0, '#15161b')]),
    [width, height, boardHeight],
  );
  useEffect(
    () => () => {
      material.dispose();
      scoreboard.dispose();
      frame.dispose();
    },
    [material, scoreboard, frame],
  );
  const materials = useMemo(() => [material], [material]);
  useScreenFeed(player, materials);
  const countdown = useRef<Mesh>(null);
  const countdownTexture = useCountdownScreen(countdown, WALL_PX);
  const [fx, fy] = face[0]!.position;
  return (
    <group {...props}>
      <mesh geometry={frame}>
        <meshBasicMaterial vertexColors toneMapped={false} />
      </mesh>
      <mesh position={face[0]!.position} material={material} name="wall-screen-video">
        <planeGeometry args={[width, height]} />
      </mesh>
      <mesh ref={countdown} position={[fx, fy, 0.07]} visible={false} name="wall-screen-countdown">
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial map={countdownTexture} toneMapped={false} />
      </mesh>
      <mesh position={[0, boardHeight / 2 + 0.05, 0.06]}>
        <planeGeometry args={[width * 0.7, boardHeight]} />
        <meshBasicMaterial map={scoreboard} toneMapped={false} />
      </mesh>
      <ScreenMarkers player={player} faces={face} size={Math.min(height * 0.3, 2)} />
    </group>
  );
}
