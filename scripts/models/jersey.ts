import { BoxGeometry, CatmullRomCurve3, ExtrudeGeometry, Shape, TubeGeometry, Vector2, Vector3 } from 'three';
import { toCreasedNormals } from 'three/addons/utils/BufferGeometryUtils.js';
import { digitSegments } from './digits.ts';
import { part, type Dimensions, type ModelParts, type Part } from './parts.ts';

/** A jersey's cut and the number printed on it ('' for none). */
export type JerseyParams = { cut: 'tank' | 'short-sleeve'; number: string };

/**
 * A jersey laid flat: its outline (a tank with deep armholes, or a tee with short sleeves)
 * extruded into a soft, bevelled panel, with piped trim along the neck and armholes or sleeve
 * ends, and the number on front and back in the accent colour outlined in the secondary.
 */
export function buildJersey(size: Dimensions, params: JerseyParams): ModelParts {
  const outline = params.cut === 'tank' ? tankOutline(size.x, size.y) : teeOutline(size.x, size.y);
  const depth = size.z;
  const bevel = depth * 0.4;
  const body = new ExtrudeGeometry(new Shape(outline.points), {
    depth: depth - 2 * bevel,
    bevelEnabled: true,
    bevelThickness: bevel,
    bevelSize: bevel * 0.5,
    bevelSegments: 3,
    curveSegments: 8,
  }).translate(0, 0, -(depth - 2 * bevel) / 2);
  const softBody = toCreasedNormals(body, Math.PI / 4);
  const face = depth / 2;
  const parts: Part[] = [part('primary', softBody)];
  for (const trim of outline.trims) parts.push(part('secondary', piping(trim, depth * 0.5)));
  if (params.number) {
    parts.push(
      ...number(params.number, size.x * 0.26, size.y * 0.52, face),
      ...number(params.number, size.x * 0.32, size.y * 0.5, -face),
    );
  } else {
    // A warm-up shirt carries a chest band instead of a number.
    parts.push(part('secondary', new BoxGeometry(size.x * 0.5, size.y * 0.05, depth * 1.02).translate(0, size.y * 0.62, 0)));
    parts.push(
      part('accent', new BoxGeometry(size.x * 0.12, size.y * 0.06, depth * 1.06).translate(-size.x * 0.12, size.y * 0.72, 0)),
    );
  }
  parts.push(...crest(size.x * 0.075, params.cut === 'tank' ? -size.x * 0.15 : size.x * 0.2, size.y * 0.7, face));
  return {
    parts,
    // NOTE: a short reach: the front is a few long triangles, and the piping at its edges would
    // otherwise shade them halfway across the chest.
    occlusionReach: 0.012,
    finish: { primary: { roughness: 0.85, metalness: 0 } },
    // Mesh knit on the body, rib on the piping; the printed number stays smooth.
    surface: {
      primary: { detail: 'knit', tile: 0.025, bump: 2 },
      secondary: { detail: 'rib', tile: 0.012, bump: 1.5, cavity: 0.15 },
    },
  };
}

type Outline = { points: Vector2[]; trims: Vector2[][] };

/** Half a garment outline from the hem centre round to the neck centre, mirrored into the whole. */
function mirrored(half: Vector2[]): Vector2[] {
  const other = half
    .slice(1, -1)
    .reverse()
    .map((p) => new Vector2(-p.x, p.y));
  return [...half, ...other];
}

function tankOutline(width: number, height: number): Outline {
  const w = width / 2;
  const armhole = curve([
    [w, height * 0.6],
    [w * 0.72, height * 0.66],
    [w * 0.6, height * 0.86],
    [w * 0.56, height],
  ]);
  const neck = curve([
    [w * 0.3, height],
    [w * 0.27, height * 0.86],
    [w * 0.14, height * 0.77],
    [0, height * 0.75],
  ]);
  const half = [new Vector2(0, 0), new Vector2(w * 0.92, 0), new Vector2(w * 0.94, height * 0.3), ...armhole, ...neck];
  const mirror = (points: Vector2[]) => points.map((p) => new Vector2(-p.x, p.y));
  return {
    points: mirrored(half),
    trims: [armhole, mirror(armhole), [...neck, ...mirror(neck).reverse().slice(1)]],
  };
}

function teeOutline(width: number, height: number): Outline {
  const w = width / 2;
  const body = w * 0.7;
  const neck = curve([
    [w * 0.2, height],
    [w * 0.17, height * 0.93],
    [w * 0.08, height * 0.9],
    [0, height * 0.9],
  ]);
  const half = [
    new Vector2(0, 0),
    new Vector2(body, 0),
    new Vector2(body, height * 0.62),
    new Vector2(w, height * 0.7),
    new Vector2(w * 0.84, height * 0.93),
    new Vector2(w * 0.6, height * 0.99),
    ...neck,
  ];
  const cuff = [new Vector2(w * 0.985, height * 0.715), new Vector2(w * 0.845, height * 0.915)];
  const mirror = (points: Vector2[]) => points.map((p) => new Vector2(-p.x, p.y));
  return { points: mirrored(half), trims: [cuff, mirror(cuff), [...neck, ...mirror(neck).reverse().slice(1)]] };
}

/** A smooth curve through control points, sampled into a polyline. */
function curve(points: [number, number][], samples = 16): Vector2[] {
  const spline = new CatmullRomCurve3(points.map(([x, y]) => new Vector3(x, y, 0)));
  return spline.getPoints(samples).map((p) => new Vector2(p.x, p.y));
}

/** A rib trim piped round an edge of the panel: a flattened tube straddling the edge. */
function piping(path: Vector2[], halfDepth: number): TubeGeometry {
  const spline = new CatmullRomCurve3(path.map((p) => new Vector3(p.x, p.y, 0)));
  const radius = halfDepth * 0.5;
  return new TubeGeometry(spline, path.length * 2, radius, 8, false).scale(1, 1, (halfDepth * 1.05) / radius);
}

/**
 * The team crest printed on the chest: a shield in the secondary colour carrying a ball in the
 * accent colour, `width` wide, centred at (x, y) on the front face.
 */
function crest(width: number, x: number, y: number, face: number): Part[] {
  const w = width / 2;
  const shield = new Shape([
    new Vector2(-w, w * 1.1),
    new Vector2(w, w * 1.1),
    new Vector2(w, -w * 0.2),
    new Vector2(w * 0.55, -w * 0.85),
    new Vector2(0, -w * 1.2),
    new Vector2(-w * 0.55, -w * 0.85),
    new Vector2(-w, -w * 0.2),
  ]);
  // The ball: four quarters with gaps between them, so the shield's colour draws its seams.
  const r = w * 0.62;
  const gap = w * 0.07;
  const bite = Math.asin(gap / r);
  const quarters = [0, 1, 2, 3].map((k) => {
    const from = (k * Math.PI) / 2;
    const corner = new Vector2(Math.sign(Math.cos(from + Math.PI / 4)) * gap, Math.sign(Math.sin(from + Math.PI / 4)) * gap);
    const quarter = new Shape().moveTo(corner.x, corner.y);
    quarter.absarc(0, 0, r, from + bite, from + Math.PI / 2 - bite, false);
    quarter.lineTo(corner.x, corner.y);
    return quarter;
  });
  const print = (shape: Shape, lift: number) =>
    new ExtrudeGeometry(shape, { depth: 0.0008, bevelEnabled: false, curveSegments: 24 }).translate(x, y, face + lift);
  return [part('secondary', print(shield, 0.0004)), ...quarters.map((q) => part('accent', print(q, 0.0012)))];
}

/** A jersey number centred at (x = 0, y) on the face at z = `face`; negative faces the back. */
function number(text: string, digitHeight: number, y: number, face: number): Part[] {
  const parts: Part[] = [];
  const digitWidth = digitHeight * 0.55;
  const pitch = digitWidth * 1.3;
  const side = Math.sign(face);
  [...text].forEach((char, k) => {
    const cx = (k - (text.length - 1) / 2) * pitch * side;
    for (const segment of digitSegments(char, digitWidth, digitHeight)) {
      const bar = (grow: number, lift: number) =>
        new BoxGeometry(segment.w + grow, segment.h + grow, 0.002).translate(
          cx + segment.x * side,
          y + segment.y,
          face + side * lift,
        );
      parts.push(part('secondary', bar(digitHeight * 0.06, 0.001)), part('accent', bar(0, 0.0025)));
    }
  });
  return parts;
}
