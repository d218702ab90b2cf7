import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasTexture, SRGBColorSpace } from 'three';
import { SHELVES, slotPosition } from '../../shared/arena.ts';
import { findProduct } from '../state/catalogSlice.ts';
import { useApp } from '../state/context.tsx';

const WIDTH = 512;
const HEIGHT = 72;

/** Draws the hint's text on a dark rounded label; one canvas per text (it changes only with the language). */
function drawLabel(text: string): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = 'rgba(12, 14, 20, 0.88)';
  ctx.beginPath();
  ctx.roundRect(0, 0, WIDTH, HEIGHT, 18);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = '600 30px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, WIDTH / 2, HEIGHT / 2, WIDTH - 24);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/**
 * In a headset, over a product aimed at beyond reach: "Too far: pull the trigger to teleport here".
 * A sprite of constant apparent size, drawn over everything, only while such a product is aimed at.
 */
export function XrReachHint() {
  const { t } = useTranslation();
  const product = useApp((s) => findProduct(s.catalog, s.farProductId));
  const text = t('reach.teleportHere');
  const texture = useMemo(() => drawLabel(text), [text]);
  useEffect(() => () => texture.dispose(), [texture]);
  const shelf = product ? SHELVES[product.shelf.index] : undefined;
  if (!product || !shelf) return null;
  const p = slotPosition(shelf, product.shelf.slot);
  return (
    <sprite
      name="xr-reach-hint"
      position={[p.x, p.y + product.dimensions.y + 0.35, p.z]}
      scale={[0.2, 0.2 * (HEIGHT / WIDTH), 1]}
      renderOrder={999}
    >
      <spriteMaterial map={texture} sizeAttenuation={false} depthTest={false} transparent />
    </sprite>
  );
}
