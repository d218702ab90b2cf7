import { useEffect, useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { CanvasTexture } from 'three';

export type StudioShadowProps = Omit<ThreeElements['mesh'], 'ref'> & {
  /** Diameter of the shadow on the floor, metres. */
  diameter: number;
  renderOrder: number;
  opacity?: number;
};

/** A soft round shadow: black in the middle, fading to nothing at the edge (drawn once, 64 px). */
function createShadowTexture(): CanvasTexture {
  const size = 64;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const g = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
  g.addColorStop(0, 'rgba(0,0,0,1)');
  g.addColorStop(0.45, 'rgba(0,0,0,0.55)');
  g.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, size, size);
  return new CanvasTexture(canvas);
}

/**
 * The inspect studio's contact shadow: a soft dark patch on the sweep's floor under the product.
 * NOTE: a baked blob, not drei's ContactShadows: that one renders the whole scene again every frame
 * (and showed nothing visible under the inspect view's draw-on-top ordering when tried); this is one quad, so the
 * headset keeps it too.
 */
export function StudioShadow({ diameter, renderOrder, opacity = 0.5, ...props }: StudioShadowProps) {
  const texture = useMemo(createShadowTexture, []);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <mesh name="studio-shadow" rotation-x={-Math.PI / 2} renderOrder={renderOrder} frustumCulled={false} {...props}>
      <planeGeometry args={[diameter, diameter]} />
      <meshBasicMaterial map={texture} transparent opacity={opacity} depthWrite={false} fog={false} />
    </mesh>
  );
}
