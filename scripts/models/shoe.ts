import { BoxGeometry, ExtrudeGeometry, Shape, Vector2, type BufferGeometry } from 'three';
import { toCreasedNormals } from 'three/addons/utils/BufferGeometryUtils.js';
import { SLOTS, gridGeometry, part, type Dimensions, type ModelParts, type Part, type Slot, type Vec3 } from './parts.ts';
import { cosineSpaced, createLast, surfaceAbove, type Last, type Top } from './shoeLast.ts';
import { stitchRow } from './stitches.ts';

/** A shoe's collar height. */
export type ShoeParams = { top: Top };

/**
 * A basketball shoe, toe towards +x: a rubber outsole and a bevelled foam midsole extruded from
 * the footprint, a shaped upper (walls plus a domed toe box, dipped lining at the collar), a toe
 * cap, heel counter, side stripe and laces, and a little toe spring.
 */
export function buildShoe(size: Dimensions, params: ShoeParams): ModelParts {
  const last = createLast(size, params.top);
  const parts: Part[] = [
    part('accent', sole(last, 0, last.outsoleTop, 0.998, 0)),
    part('secondary', sole(last, last.outsoleTop, last.midsoleTop, 0.975, 0.004)),
    ...upper(last),
    part('accent', stripe(last, 1)),
    part('accent', stripe(last, -1)),
    ...laces(last).map((g) => part('secondary', g)),
    ...stitching(last).map((g) => part('secondary', g)),
  ];
  for (const { geometry } of parts) toeSpring(geometry, last);
  return {
    parts,
    finish: {
      primary: { roughness: 0.55, metalness: 0 },
      secondary: { roughness: 0.7, metalness: 0 },
      accent: { roughness: 0.8, metalness: 0 },
    },
    // Grained leather on the upper; the midsole, toe cap and laces in fine moulded foam.
    surface: { primary: { detail: 'leather', tile: 0.05 }, secondary: { detail: 'foam', tile: 0.03, bump: 1.2, cavity: 0.12 } },
  };
}

/** A slab of the footprint between two heights, `inset` of the full width, optionally bevelled. */
function sole(last: Last, bottom: number, top: number, inset: number, bevel: number): BufferGeometry {
  const steps = 64;
  const outline: Vector2[] = [];
  // NOTE: the bevel grows the outline by `bevel` all round, so the outline shrinks by as much.
  const at = (i: number, side: number) => {
    const u = cosineSpaced(i, steps);
    const halfWidth = Math.max(0, last.halfWidth(u) * inset - bevel);
    return new Vector2((u - 0.5) * (last.length - 2 * bevel), side * halfWidth);
  };
  for (let i = 0; i <= steps; i++) outline.push(at(i, 1));
  for (let i = steps - 1; i > 0; i--) outline.push(at(i, -1));
  const geometry = new ExtrudeGeometry(new Shape(outline), {
    depth: top - bottom - 2 * bevel,
    bevelEnabled: bevel > 0,
    bevelThickness: bevel,
    bevelSize: bevel,
    bevelSegments: 3,
  });
  // The shape lies in x-y and extrudes along z; turn it so it extrudes upwards.
  return geometry.rotateX(-Math.PI / 2).translate(0, bottom + bevel, 0);
}

/**
 * The upper as one grid whose cells are shared out between the slots: the toe cap (secondary)
 * and heel counter (accent) are cells of the same surface, so no overlay can z-fight with it.
 */
function upper(last: Last): Part[] {
  const steps = 60;
  const across = 40; // NOTE: a multiple of 1 / wallShare, so a grid line runs along each wall top
  const wallRows = Math.round(across * last.wallShare);
  const counterRows = Math.round(wallRows * 0.67);
  const u = (i: number) => cosineSpaced(i, steps);
  const point = (i: number, j: number): Vec3 => last.surface(u(i), j / across);
  const onWall = (j: number, rows: number) => j < rows || j >= across - rows;
  const slotOf = (i: number, j: number): Slot => {
    if (u(i) >= 0.84) return 'secondary'; // toe cap
    if (u(i + 1) <= 0.22 && onWall(j, counterRows)) return 'accent'; // heel counter
    // The cells behind the tongue and between the wall tops are the lining seen through the collar.
    if (u(i + 1) <= last.opening && !onWall(j, wallRows)) return 'accent';
    return 'primary';
  };
  return SLOTS.map((slot) =>
    part(
      slot,
      gridGeometry(steps, across, point, (i, j) => slotOf(i, j) === slot),
    ),
  );
}

/** The side stripe: a swoosh that starts broad and round near the toe and tapers up to the heel. */
function stripe(last: Last, side: 1 | -1): BufferGeometry {
  const rows = 48;
  const wall = last.wallShare;
  const geometry = gridGeometry(rows, 2, (i, j) => {
    const t = i / rows;
    const u = 0.74 - 0.56 * t;
    const centre = 0.22 + 0.55 * t ** 1.6;
    const half = 0.16 * Math.sin((Math.PI / 2) * Math.min(1, t / 0.12)) * (1 - t) ** 0.8;
    const s = centre + half * (j - 1);
    const v = side > 0 ? s * wall : 1 - s * wall;
    return surfaceAbove(last, u, v, 0.0018);
  });
  // NOTE: u runs backwards along the stripe, so the outer wall's copy faces inwards until flipped.
  return side > 0 ? flipped(geometry) : geometry;
}

/**
 * Stitching where leather panels meet: behind the toe cap right across the upper, and along the
 * top of the heel counter on both walls.
 */
function stitching(last: Last): BufferGeometry[] {
  const counterTop = Math.round(40 * last.wallShare * 0.67) / 40 + 0.012;
  return [
    stitchRow(last, (t) => [0.828, 0.02 + 0.96 * t], 56),
    stitchRow(last, (t) => [0.004 + 0.2 * t, counterTop], 22),
    stitchRow(last, (t) => [0.004 + 0.2 * t, 1 - counterTop], 22),
  ];
}

/** Laces: flat bars across the instep, following the slope of the dome. */
function laces(last: Last): BufferGeometry[] {
  const count = 6;
  const bars: BufferGeometry[] = [];
  for (let k = 0; k < count; k++) {
    const u = last.opening + 0.03 + k * 0.045;
    const [x, y] = surfaceAbove(last, u, 0.5, 0.002);
    const [xNext, yNext] = surfaceAbove(last, u + 0.01, 0.5, 0.002);
    const width = last.halfWidth(u) * 1.1;
    bars.push(
      new BoxGeometry(0.006, 0.003, width)
        .rotateZ(Math.atan2(yNext - y, xNext - x))
        .rotateY(k % 2 === 0 ? 0.12 : -0.12)
        .translate(x, y, 0),
    );
  }
  return bars;
}

/** Lifts the forefoot so the toe curves up off the floor. */
function toeSpring(geometry: BufferGeometry, last: Last): void {
  const position = geometry.getAttribute('position');
  for (let k = 0; k < position.count; k++) {
    const u = position.getX(k) / last.length + 0.5;
    const lift = u > 0.68 ? last.length * 0.045 * ((u - 0.68) / 0.32) ** 2 : 0;
    position.setY(k, position.getY(k) + lift);
  }
  position.needsUpdate = true;
  // NOTE: toCreasedNormals works in place on non-indexed geometry (the extruded soles).
  if (geometry.getIndex()) geometry.computeVertexNormals();
  else toCreasedNormals(geometry, Math.PI / 5);
}

/** The same surface facing the other way (the mirrored stripe on the inner wall). */
function flipped(geometry: BufferGeometry): BufferGeometry {
  const index = geometry.getIndex();
  if (index) {
    const array = Array.from(index.array);
    for (let k = 0; k < array.length; k += 3) [array[k + 1], array[k + 2]] = [array[k + 2]!, array[k + 1]!];
    geometry.setIndex(array);
  }
  geometry.computeVertexNormals();
  return geometry;
}
