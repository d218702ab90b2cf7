import { useEffect, useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { ARENA } from '../../shared/arena.ts';
import { COURT_APRON, createCourtTexture, type CourtPalette } from './courtTexture.ts';

export type CourtProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Colours of the hardwood, the painted key and the lines. */
  palette?: Partial<CourtPalette>;
  /** Texture resolution; 64 px per metre keeps 5 cm lines about 3 px wide. */
  pxPerMetre?: number;
};

const DEFAULT_PALETTE: CourtPalette = {
  wood: '#d59b5b',
  plankLine: 'rgba(90,50,20,0.35)',
  paint: '#8e1b2c',
  circle: '#8e1b2c',
  lines: '#fbf7ef',
  apron: 'rgba(120,30,40,0.55)',
  logo: 'rgba(255,240,220,0.85)',
};

/** The hardwood court with NBA markings drawn into one canvas texture: one mesh, one draw call. */
export function Court({ palette, pxPerMetre = 64, ...props }: CourtProps) {
  // palette is usually an inline object: its values, not its identity, decide a redraw, so the
  // texture is keyed by (and built from) the palette's JSON.
  const paletteKey = JSON.stringify(palette ?? {});
  const texture = useMemo(() => {
    const colours = JSON.parse(paletteKey) as Partial<CourtPalette>;
    return createCourtTexture({ ...DEFAULT_PALETTE, ...colours }, pxPerMetre);
  }, [paletteKey, pxPerMetre]);
  useEffect(() => () => texture.dispose(), [texture]);
  const sizeX = ARENA.court.length + COURT_APRON * 2;
  const sizeZ = ARENA.court.width + COURT_APRON * 2;
  return (
    <group {...props}>
      <mesh rotation-x={-Math.PI / 2} position-y={0.002}>
        <planeGeometry args={[sizeX, sizeZ]} />
        <meshStandardMaterial map={texture} roughness={0.35} metalness={0} />
      </mesh>
    </group>
  );
}
