import { CanvasTexture, SRGBColorSpace } from 'three';
import { ARENA } from '../../shared/arena.ts';

/** NBA court markings in metres (lines 5 cm wide, measured to their outer edges where it matters). */
export const COURT_MARKINGS = {
  line: 0.05,
  centerCircle: 1.83,
  threePoint: 7.24,
  threePointCorner: 6.71,
  keyWidth: 4.88,
  keyLength: 5.79,
  freeThrowCircle: 1.83,
  restrictedArc: 1.22,
} as const;

/** How far the painted hardwood runs past the boundary lines on every side. */
export const COURT_APRON = 2;

export interface CourtPalette {
  wood: string;
  plankLine: string;
  paint: string;
  circle: string;
  lines: string;
  apron: string;
  logo: string;
}

/**
 * Draws the hardwood and every marking into a canvas texture that covers the court plus its apron.
 * Canvas x runs along the court (+x world), canvas y down the page maps to +z world.
 */
export function createCourtTexture(palette: CourtPalette, pxPerMetre = 64): CanvasTexture {
  const L = ARENA.court.length;
  const W = ARENA.court.width;
  const totalX = L + COURT_APRON * 2;
  const totalZ = W + COURT_APRON * 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(totalX * pxPerMetre);
  canvas.height = Math.round(totalZ * pxPerMetre);
  const g = canvas.getContext('2d')!;
  g.scale(pxPerMetre, pxPerMetre);
  g.translate(totalX / 2, totalZ / 2);
  drawWood(g, totalX, totalZ, palette);
  // The apron is stained darker so the playing area reads at a glance.
  g.fillStyle = palette.apron;
  g.fillRect(-totalX / 2, -totalZ / 2, totalX, COURT_APRON);
  g.fillRect(-totalX / 2, W / 2, totalX, COURT_APRON);
  g.fillRect(-totalX / 2, -W / 2, COURT_APRON, W);
  g.fillRect(L / 2, -W / 2, COURT_APRON, W);
  drawMarkings(g, palette);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}

function drawWood(g: CanvasRenderingContext2D, totalX: number, totalZ: number, palette: CourtPalette): void {
  g.fillStyle = palette.wood;
  g.fillRect(-totalX / 2, -totalZ / 2, totalX, totalZ);
  // Maple strips run along the court, 6 cm wide, with staggered butt joints and a little tone noise.
  const strip = 0.06;
  let seed = 7;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let z = -totalZ / 2; z < totalZ / 2; z += strip) {
    let x = -totalX / 2 - rand() * 2;
    while (x < totalX / 2) {
      const len = 1 + rand() * 1.5;
      g.fillStyle = `rgba(${rand() < 0.5 ? '255,235,200' : '120,70,30'},${0.05 + rand() * 0.08})`;
      g.fillRect(x, z, len, strip);
      g.fillStyle = palette.plankLine;
      g.fillRect(x, z, 0.008, strip);
      x += len;
    }
    g.fillRect(-totalX / 2, z, totalX, 0.004);
  }
}

function drawMarkings(g: CanvasRenderingContext2D, palette: CourtPalette): void {
  const m = COURT_MARKINGS;
  const L = ARENA.court.length;
  const W = ARENA.court.width;
  const half = L / 2;
  g.lineWidth = m.line;
  g.strokeStyle = palette.lines;

  // Center circle, painted, with the inner circle and the court logo.
  g.fillStyle = palette.circle;
  circle(g, 0, 0, m.centerCircle - m.line / 2, true);
  g.fillStyle = palette.logo;
  g.font = `bold 0.5px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText('COURTSIDE', 0, 0);
  circle(g, 0, 0, m.centerCircle - m.line / 2);

  for (const side of [-1, 1] as const) {
    const baseline = side * half;
    const basketX = side * (half - ARENA.hoop.rimFromBaseline);
    const ftX = side * (half - m.keyLength);
    // The key (lane), painted.
    g.fillStyle = palette.paint;
    g.fillRect(Math.min(baseline, ftX), -m.keyWidth / 2, m.keyLength, m.keyWidth);
    g.strokeRect(Math.min(baseline, ftX) + m.line / 2, -m.keyWidth / 2 + m.line / 2, m.keyLength - m.line, m.keyWidth - m.line);
    // Free-throw circle: solid toward center court, dashed inside the lane.
    const towardCenter = side > 0 ? Math.PI : 0;
    g.beginPath();
    g.arc(ftX, 0, m.freeThrowCircle - m.line / 2, towardCenter - Math.PI / 2, towardCenter + Math.PI / 2);
    g.stroke();
    g.setLineDash([0.3, 0.3]);
    g.beginPath();
    g.arc(ftX, 0, m.freeThrowCircle - m.line / 2, towardCenter + Math.PI / 2, towardCenter + (Math.PI * 3) / 2);
    g.stroke();
    g.setLineDash([]);
    // Lane space marks (hash marks) along both sides of the key.
    for (const d of [2.13, 3.05, 3.96, 4.88]) {
      const x = baseline - side * d;
      g.fillStyle = palette.lines;
      g.fillRect(x - m.line / 2, -m.keyWidth / 2 - 0.15, m.line, 0.15);
      g.fillRect(x - m.line / 2, m.keyWidth / 2, m.line, 0.15);
    }
    // Restricted area: a 1.22 m arc around the basket, closed by short lines to the backboard face.
    const boardX = side * (half - ARENA.hoop.backboardFromBaseline);
    const r = m.restrictedArc + m.line / 2;
    g.beginPath();
    g.moveTo(boardX, -r);
    g.lineTo(basketX, -r);
    g.arc(basketX, 0, r, -Math.PI / 2, Math.PI / 2, side > 0);
    g.lineTo(boardX, r);
    g.stroke();
    // Three-point line: straight corner lines 6.71 m off the axis, meeting the 7.24 m arc.
    const R = m.threePoint - m.line / 2;
    const zc = m.threePointCorner - m.line / 2;
    const reach = Math.sqrt(R * R - zc * zc);
    const theta = Math.atan2(zc, reach);
    g.beginPath();
    g.moveTo(baseline, -zc);
    g.lineTo(basketX - side * reach, -zc);
    if (side > 0) g.arc(basketX, 0, R, Math.PI + theta, Math.PI - theta, true);
    else g.arc(basketX, 0, R, -theta, theta, false);
    g.lineTo(baseline, zc);
    g.stroke();
  }
  // Half-court line and the boundary, drawn last so they sit on top.
  g.fillStyle = palette.lines;
  g.fillRect(-m.line / 2, -W / 2, m.line, W);
  g.lineWidth = m.line * 1.6;
  g.strokeRect(-half + m.line * 0.8, -W / 2 + m.line * 0.8, L - m.line * 1.6, W - m.line * 1.6);
}

function circle(g: CanvasRenderingContext2D, x: number, y: number, r: number, fill = false): void {
  g.beginPath();
  g.arc(x, y, r, 0, Math.PI * 2);
  if (fill) g.fill();
  else g.stroke();
}
