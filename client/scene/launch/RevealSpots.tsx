import { useEffect, useMemo, useRef } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import {
  AdditiveBlending,
  type BufferGeometry,
  ConeGeometry,
  DoubleSide,
  Float32BufferAttribute,
  type Group,
  Matrix4,
  MeshBasicMaterial,
  Quaternion,
  type SpotLight,
  Vector3,
} from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { ARENA } from '../../../shared/arena.ts';
import { useApp } from '../../state/context.tsx';
import { useRevealFrame } from './useRevealFrame.ts';

export type RevealSpotsProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Where the beams hang (the lighting ring's height, metres). */
  height?: number;
  /** With the real spot light on the stage (the arena); without, only the beams (the 360° view lights its own). */
  realLight?: boolean;
};

/** Beams: from three fixtures round the ring, down onto the stage. */
const BEAM_ANGLES = [0.3, 2.4, 4.4];
const BEAM_OUT = 9;
const BEAM_RADIUS = ARENA.stage.radius * 0.7;
/** Peak opacity of a beam (additive: it brightens what is behind it). */
const BEAM_STRENGTH = 0.12;
/** The one real light: a spot straight down on the stage, no shadows. */
const SPOT_INTENSITY = 4;

/**
 * Three light beams as one merged, open cone geometry (one draw call): each fades from bright at its
 * fixture to dark at the floor, drawn additively, so it reads as a beam in the dimmed arena without
 * any volumetric lighting.
 */
export function beamsGeometry(height: number): BufferGeometry {
  const target = new Vector3(0, ARENA.stage.height, 0);
  const down = new Vector3(0, -1, 0);
  const cones = BEAM_ANGLES.map((a) => {
    const apex = new Vector3(Math.cos(a) * BEAM_OUT, height, Math.sin(a) * BEAM_OUT);
    const dir = target.clone().sub(apex);
    const length = dir.length();
    const cone = new ConeGeometry(BEAM_RADIUS, length, 24, 1, true).translate(0, -length / 2, 0);
    const pos = cone.getAttribute('position');
    const colors = new Float32Array(pos.count * 3);
    // NOTE: by height along the cone (0 at the apex, −length at the base): bright at the fixture.
    for (let i = 0; i < pos.count; i++) colors.fill(1 + (pos.getY(i) / length) * 0.9, i * 3, i * 3 + 3);
    cone.setAttribute('color', new Float32BufferAttribute(colors, 3));
    cone.deleteAttribute('uv');
    const turn = new Quaternion().setFromUnitVectors(down, dir.normalize());
    return cone.applyMatrix4(new Matrix4().compose(apex, turn, new Vector3(1, 1, 1)));
  });
  const merged = mergeGeometries(cones, false);
  for (const c of cones) c.dispose();
  if (!merged) throw new Error('beamsGeometry: cannot merge');
  return merged;
}

/**
 * The reveal's spotlights: the beams and one real spot light on the stage, both following the
 * reveal timeline's `spots`. NOTE: the real light is mounted only while an event counts down, reveals
 * or is live: adding a light recompiles every lit material, and that hitch belongs in the countdown,
 * not at zero.
 */
export function RevealSpots({ height = 20, realLight = true, ...props }: RevealSpotsProps) {
  const beams = useRef<Group>(null);
  const spot = useRef<SpotLight>(null);
  const lit = useApp(
    (s) => s.venueEvent?.phase === 'countdown' || s.venueEvent?.phase === 'reveal' || s.venueEvent?.phase === 'live',
  );
  const geometry = useMemo(() => beamsGeometry(height), [height]);
  const material = useMemo(
    () =>
      new MeshBasicMaterial({
        vertexColors: true,
        color: '#fff1d6',
        transparent: true,
        opacity: 0,
        blending: AdditiveBlending,
        depthWrite: false,
        side: DoubleSide,
        toneMapped: false,
        fog: false,
      }),
    [],
  );
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  useRevealFrame(({ parts }) => {
    const g = beams.current;
    if (g) g.visible = parts.spots > 0;
    material.opacity = parts.spots * BEAM_STRENGTH;
    if (spot.current) spot.current.intensity = parts.spots * SPOT_INTENSITY;
  });
  return (
    <group {...props}>
      <group ref={beams} name="reveal-beams" visible={false}>
        <mesh geometry={geometry} material={material} renderOrder={5} />
      </group>
      {lit && realLight && (
        <spotLight ref={spot} position={[0, height, 0]} angle={0.15} penumbra={0.6} decay={0} intensity={0} color="#fff1d6" />
      )}
    </group>
  );
}
