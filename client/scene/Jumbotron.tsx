import { useEffect, useMemo, useRef } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { type BufferGeometry, type Mesh, PlaneGeometry } from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { ARENA } from '../../shared/arena.ts';
import { mergePainted, paintedBox } from './paintedGeometry.ts';
import { useMatchPlayer } from './match/MatchPlayerContext.tsx';
import { type ScreenFace, ScreenMarkers } from './match/ScreenMarkers.tsx';
import { createScreenMaterial } from './match/screenMaterial.ts';
import { useScoreboardTexture, useScreenFeed } from './match/screenFeed.ts';
import { QnaBoard } from './match/QnaBoard.tsx';
import { useCountdownScreen } from './match/useCountdownScreen.ts';

export type JumbotronProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Screen width and height in metres (each of the four faces). */
  width?: number;
  height?: number;
};

/** The video picture and the scoreboard strip on each face, as fractions of the face (width, height, centre height). */
const VIDEO = { w: 0.94, h: 0.64, y: 0.6 } as const;
const BOARD = { w: 0.94, h: 0.2, y: 0.16 } as const;

/** The four faces of one kind (video or scoreboard): where each face's centre is and how it is turned. */
export function jumbotronFaces(w: number, h: number, part: typeof VIDEO | typeof BOARD): ScreenFace[] {
  return [0, 1, 2, 3].map((k) => {
    const a = (k * Math.PI) / 2;
    const r = w / 2 + 0.01;
    return { position: [Math.sin(a) * r, h * part.y, Math.cos(a) * r], rotationY: a, width: w * part.w, height: h * part.h };
  });
}

/** Four screen faces around the box, sharing one material (each face shows the whole picture). */
function facesGeometry(faces: readonly ScreenFace[]): BufferGeometry {
  const planes = faces.map((f) =>
    new PlaneGeometry(f.width, f.height).rotateY(f.rotationY).translate(f.position[0], f.position[1], f.position[2]),
  );
  const merged = mergeGeometries(planes, false);
  for (const p of planes) p.dispose();
  if (!merged) throw new Error('Jumbotron: cannot merge faces');
  return merged;
}

function bodyGeometry(w: number, h: number): BufferGeometry {
  const body = '#15161b';
  const led = '#2d6cdf';
  const cable = '#3a3c44';
  const roof = 28 - ARENA.jumbotron.y;
  return mergePainted([
    paintedBox(w, h, w, 0, h / 2, 0, body),
    paintedBox(w + 0.3, 0.35, w + 0.3, 0, -0.1, 0, led),
    // Dark underside, so from the floor the LED ring reads as a rim and not a blue slab.
    paintedBox(w + 0.26, 0.02, w + 0.26, 0, -0.285, 0, body),
    paintedBox(w + 0.3, 0.3, w + 0.3, 0, h + 0.1, 0, led),
    paintedBox(w * 0.6, 1.2, w * 0.6, 0, -0.9, 0, body),
    ...[-1, 1].flatMap((sx) =>
      [-1, 1].map((sz) => paintedBox(0.06, roof, 0.06, sx * w * 0.35, h + roof / 2, sz * w * 0.35, cable)),
    ),
  ]);
}

/**
 * The center-hung screen: a dark box with LED rings and four faces, each showing the match (the
 * director's angle, kept on the server's clock by the match player) over a scoreboard strip, with a
 * marker where a shoppable moment's action is; while a launch event counts down or reveals, its title
 * and countdown cover the picture. Video frames reach the GPU only when a new one is presented; the
 * scoreboard and the countdown redraw only when their text changes. The event's Q&A (the picked
 * question, a poll's results) hangs over the lower part of the picture when there is one (QnaBoard).
 */
export function Jumbotron({ width = ARENA.jumbotron.width, height = ARENA.jumbotron.height, ...props }: JumbotronProps) {
  const player = useMatchPlayer();
  const videoFaces = useMemo(() => jumbotronFaces(width, height, VIDEO), [width, height]);
  const boardFaces = useMemo(() => jumbotronFaces(width, height, BOARD), [width, height]);
  const video = useMemo(() => facesGeometry(videoFaces), [videoFaces]);
  const board = useMemo(() => facesGeometry(boardFaces), [boardFaces]);
  const body = useMemo(() => bodyGeometry(width, height), [width, height]);
  const material = useMemo(() => createScreenMaterial((width * VIDEO.w) / (height * VIDEO.h)), [width, height]);
  const scoreboard = useScoreboardTexture();
  useEffect(
    () => () => {
      video.dispose();
      board.dispose();
      body.dispose();
      material.dispose();
      scoreboard.dispose();
    },
    [video, board, body, material, scoreboard],
  );
  const materials = useMemo(() => [material], [material]);
  useScreenFeed(player, materials);
  const countdown = useRef<Mesh>(null);
  const countdownTexture = useCountdownScreen(countdown);
  return (
    <group position-y={ARENA.jumbotron.y} {...props}>
      <mesh geometry={body}>
        <meshBasicMaterial vertexColors toneMapped={false} />
      </mesh>
      <mesh geometry={video} material={material} name="jumbotron-video" />
      {/* NOTE: the video faces' geometry pushed out a hair, so the countdown covers the picture. */}
      <mesh ref={countdown} geometry={video} scale={[1.004, 1, 1.004]} visible={false} name="jumbotron-countdown">
        <meshBasicMaterial map={countdownTexture} toneMapped={false} />
      </mesh>
      <mesh geometry={board}>
        <meshBasicMaterial map={scoreboard} toneMapped={false} />
      </mesh>
      <ScreenMarkers player={player} faces={videoFaces} size={Math.min(height * VIDEO.h * 0.3, 1)} />
      <QnaBoard width={width} height={height} />
    </group>
  );
}
