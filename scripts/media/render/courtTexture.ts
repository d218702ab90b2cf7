import { CanvasTexture, SRGBColorSpace } from 'three';
import { ARENA } from '../../../shared/arena.ts';

/** Pixels per metre of the painted court. */
const PX = 64;
const FT = 0.3048;

/**
 * The court floor as a canvas texture: maple boards, NBA lines (boundary, half-court line, centre
 * circle, keys, free-throw circles, three-point lines, restricted areas), the keys painted in the
 * home colour.
 */
export function courtTexture(homeColor: string): CanvasTexture {
  const { length, width } = ARENA.court;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(length * PX);
  canvas.height = Math.round(width * PX);
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#c98f55';
  g.fillRect(0, 0, canvas.width, canvas.height);
  // Boards: slightly different shades, fixed pattern (no randomness, so frames are reproducible).
  for (let row = 0; row * 0.16 < width; row++) {
    g.fillStyle = row % 3 === 0 ? '#c48a50' : row % 3 === 1 ? '#cd955b' : '#c69052';
    g.fillRect(0, row * 0.16 * PX, canvas.width, 0.16 * PX - 1);
  }
  // Court coordinates (x along, z across) to canvas pixels.
  const px = (x: number) => (x + length / 2) * PX;
  const pz = (z: number) => (z + width / 2) * PX;
  g.strokeStyle = '#ffffff';
  g.lineWidth = 0.05 * PX;
  g.strokeRect(px(-length / 2), pz(-width / 2), length * PX, width * PX);
  line(g, px(0), pz(-width / 2), px(0), pz(width / 2));
  circle(g, px(0), pz(0), 6 * FT * PX);
  for (const s of [-1, 1]) {
    const base = (s * length) / 2;
    const rim = s * (length / 2 - ARENA.hoop.rimFromBaseline);
    const keyLen = 19 * FT;
    const keyHalf = 8 * FT;
    g.fillStyle = `${homeColor}b0`;
    const x0 = Math.min(base, base - s * keyLen);
    g.fillRect(px(x0), pz(-keyHalf), keyLen * PX, 2 * keyHalf * PX);
    g.strokeRect(px(x0), pz(-keyHalf), keyLen * PX, 2 * keyHalf * PX);
    circle(g, px(base - s * keyLen), pz(0), 6 * FT * PX);
    // Three-point line: straight in the corners (22 ft from the rim's centre across), then the 23.75 ft arc.
    const corner = 22 * FT;
    const arc = 23.75 * FT;
    const meet = Math.sqrt(arc * arc - corner * corner);
    line(g, px(base), pz(-corner), px(rim - s * meet), pz(-corner));
    line(g, px(base), pz(corner), px(rim - s * meet), pz(corner));
    const a = Math.atan2(corner, meet);
    g.beginPath();
    if (s > 0) g.arc(px(rim), pz(0), arc * PX, Math.PI - a, Math.PI + a);
    else g.arc(px(rim), pz(0), arc * PX, -a, a);
    g.stroke();
    g.beginPath();
    g.arc(px(rim), pz(0), 4 * FT * PX, s > 0 ? Math.PI / 2 : -Math.PI / 2, s > 0 ? (3 * Math.PI) / 2 : Math.PI / 2);
    g.stroke();
  }
  g.fillStyle = '#ffffffcc';
  g.font = `bold ${Math.round(1.4 * PX)}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText('COURTSIDE', px(0), pz(-width / 4));
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}

function line(g: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  g.beginPath();
  g.moveTo(x0, y0);
  g.lineTo(x1, y1);
  g.stroke();
}

function circle(g: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  g.beginPath();
  g.arc(x, y, r, 0, Math.PI * 2);
  g.stroke();
}
