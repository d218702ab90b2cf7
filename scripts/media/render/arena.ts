import {
  BoxGeometry,
  BufferGeometry,
  Color,
  CylinderGeometry,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PlaneGeometry,
  TorusGeometry,
} from 'three';
import { ARENA } from '../../../shared/arena.ts';
import { RIM_X } from '../court.ts';
import { courtTexture } from './courtTexture.ts';

/** The arena: floor, painted court, the seating bowl, roof lights (`statics`), and the two hoops. */
export function buildArena(homeColor: string): { statics: Group; hoops: Group } {
  const arena = new Group();
  const hoops = new Group();
  const apron = new Mesh(new PlaneGeometry(52, 36), new MeshLambertMaterial({ color: '#23324a' }));
  apron.rotation.x = -Math.PI / 2;
  arena.add(apron);
  const court = new Mesh(
    new PlaneGeometry(ARENA.court.length, ARENA.court.width),
    new MeshLambertMaterial({ map: courtTexture(homeColor) }),
  );
  court.rotation.x = -Math.PI / 2;
  court.position.y = 0.005;
  arena.add(court);
  for (const s of [-1, 1]) hoops.add(buildHoop(s));
  arena.add(buildBowl());
  arena.add(buildRoof());
  return { statics: arena, hoops };
}

function buildHoop(s: number): Group {
  const hoop = new Group();
  const white = new MeshLambertMaterial({ color: '#f4f4f4' });
  const board = new Mesh(
    new BoxGeometry(0.05, 1.07, 1.83),
    new MeshLambertMaterial({ color: '#e8eef5', transparent: true, opacity: 0.85 }),
  );
  const boardX = s * (ARENA.court.length / 2 - ARENA.hoop.backboardFromBaseline);
  board.position.set(boardX, 3.3, 0);
  hoop.add(board);
  const square = new Mesh(new BoxGeometry(0.06, 0.45, 0.61), new MeshBasicMaterial({ color: '#ff5a1f', wireframe: true }));
  square.position.set(boardX, 3.25, 0);
  hoop.add(square);
  const rim = new Mesh(new TorusGeometry(0.2286, 0.012, 6, 24), new MeshLambertMaterial({ color: '#ff5a1f' }));
  rim.rotation.x = Math.PI / 2;
  rim.position.set(s * RIM_X, ARENA.hoop.rimHeight, 0);
  hoop.add(rim);
  const net = new Mesh(
    new CylinderGeometry(0.2286, 0.14, 0.42, 12, 3, true),
    new MeshBasicMaterial({ color: '#ffffff', wireframe: true }),
  );
  net.position.set(s * RIM_X, ARENA.hoop.rimHeight - 0.21, 0);
  hoop.add(net);
  // The stanchion: a padded base behind the baseline and an arm up to the board.
  const base = new Mesh(new BoxGeometry(1.2, 1.0, 1.2), new MeshLambertMaterial({ color: '#1d428a' }));
  base.position.set(s * (ARENA.court.length / 2 + 1.6), 0.5, 0);
  hoop.add(base);
  const post = new Mesh(new BoxGeometry(0.25, 3.2, 0.25), white);
  post.position.set(s * (ARENA.court.length / 2 + 1.6), 2.2, 0);
  hoop.add(post);
  const arm = new Mesh(new BoxGeometry(Math.abs(s * (ARENA.court.length / 2 + 1.6) - boardX), 0.2, 0.2), white);
  arm.position.set((s * (ARENA.court.length / 2 + 1.6) + boardX) / 2, 3.7, 0);
  hoop.add(arm);
  return hoop;
}

/** A point on the rounded-rectangle floor edge pushed `out` metres outward; `a` in [0, 1) walks round it. */
function edgePoint(a: number, out: number): [number, number] {
  const { halfX, halfZ, cornerRadius: r } = ARENA.floor;
  const angle = a * Math.PI * 2;
  const cx = Math.sign(Math.cos(angle)) * (halfX - r);
  const cz = Math.sign(Math.sin(angle)) * (halfZ - r);
  const dx = Math.cos(angle);
  const dz = Math.sin(angle);
  // Ray from the origin to the rounded rectangle: clamp to the straight sides, else the corner arc.
  const tSide = Math.min(Math.abs(halfX / (dx || 1e-9)), Math.abs(halfZ / (dz || 1e-9)));
  let x = dx * tSide;
  let z = dz * tSide;
  if (Math.abs(x) > halfX - r && Math.abs(z) > halfZ - r) {
    const nx = x - cx;
    const nz = z - cz;
    const len = Math.hypot(nx, nz) || 1;
    x = cx + (nx / len) * r;
    z = cz + (nz / len) * r;
  }
  const nx = Math.abs(x) > halfX - r ? x - cx : 0;
  const nz = Math.abs(z) > halfZ - r ? z - cz : 0;
  const n = Math.hypot(nx, nz) || 1;
  return [x + (nx / n) * out, z + (nz / n) * out];
}

const SEGMENTS = 160;

/** The seating bowl: a stepped slope of rows round the floor, and the crowd sitting on it. */
function buildBowl(): Group {
  const bowl = new Group();
  const { rows, rowDepth, rowRise } = ARENA.bowl;
  const positions: number[] = [];
  const colors: number[] = [];
  const seatA = new Color('#2a2f3a');
  const seatB = new Color('#343a47');
  for (let row = 0; row < rows; row++) {
    const c = row % 2 === 0 ? seatA : seatB;
    for (let i = 0; i < SEGMENTS; i++) {
      const a0 = i / SEGMENTS;
      const a1 = (i + 1) / SEGMENTS;
      const y0 = row * rowRise;
      const y1 = (row + 1) * rowRise;
      // Riser (vertical) then tread (flat) of this row.
      const near0 = edgePoint(a0, row * rowDepth);
      const near1 = edgePoint(a1, row * rowDepth);
      quad(positions, at(near0, y0), at(near1, y0), at(near0, y1), at(near1, y1));
      quad(
        positions,
        at(near0, y1),
        at(near1, y1),
        at(edgePoint(a0, (row + 1) * rowDepth), y1),
        at(edgePoint(a1, (row + 1) * rowDepth), y1),
      );
      for (let k = 0; k < 12; k++) colors.push(c.r, c.g, c.b);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
  geometry.computeVertexNormals();
  bowl.add(new Mesh(geometry, new MeshLambertMaterial({ vertexColors: true, side: DoubleSide })));
  // The back wall behind the top row.
  const wall: number[] = [];
  for (let i = 0; i < SEGMENTS; i++) {
    const p0 = edgePoint(i / SEGMENTS, rows * rowDepth);
    const p1 = edgePoint((i + 1) / SEGMENTS, rows * rowDepth);
    quad(wall, at(p0, rows * rowRise), at(p1, rows * rowRise), at(p0, rows * rowRise + 6), at(p1, rows * rowRise + 6));
  }
  const wallGeometry = new BufferGeometry();
  wallGeometry.setAttribute('position', new Float32BufferAttribute(wall, 3));
  bowl.add(new Mesh(wallGeometry, new MeshBasicMaterial({ color: '#0d1320', side: DoubleSide })));
  return bowl;
}

type P3 = [number, number, number];

function at(p: [number, number], y: number): P3 {
  return [p[0], y, p[1]];
}

/** Two triangles: the edge a0→a1 and the edge b0→b1 beyond it. */
function quad(out: number[], a0: P3, a1: P3, b0: P3, b1: P3): void {
  out.push(...a0, ...a1, ...b1, ...a0, ...b1, ...b0);
}

/** Seats of the crowd: position on the bowl and a facing towards centre court. */
export interface Seat {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

/** Every seat of the bowl (spacing from ARENA.bowl), deterministic order. */
export function seats(): Seat[] {
  const { rows, rowDepth, rowRise, seatSpacing } = ARENA.bowl;
  const list: Seat[] = [];
  for (let row = 0; row < rows; row++) {
    const out = (row + 0.5) * rowDepth;
    // Perimeter of this row, walked in small steps to space seats evenly.
    const steps = 2000;
    let carry = 0;
    let prev = edgePoint(0, out);
    for (let i = 1; i <= steps; i++) {
      const p = edgePoint(i / steps, out);
      carry += Math.hypot(p[0] - prev[0], p[1] - prev[1]);
      prev = p;
      if (carry >= seatSpacing) {
        carry = 0;
        list.push({ x: p[0], y: (row + 1) * rowRise, z: p[1], yaw: Math.atan2(p[0], p[1]) });
      }
    }
  }
  return list;
}

const CROWD_COLORS = [
  '#c8102e',
  '#f4f4f4',
  '#1d428a',
  '#c8102e',
  '#e0b060',
  '#2e8b57',
  '#f4f4f4',
  '#7a4fb0',
  '#c8102e',
  '#333844',
];

/** The crowd: one instanced mesh of torso + head blocks, coloured by a fixed pattern. */
export function buildCrowd(list: readonly Seat[]): InstancedMesh {
  const body = new BoxGeometry(0.42, 0.62, 0.3);
  body.translate(0, 0.31, 0);
  const head = new BoxGeometry(0.22, 0.24, 0.22);
  head.translate(0, 0.76, 0);
  const geometry = mergeBoxes(body, head);
  // NOTE: dimmed like a real arena's stands; a bright, busy crowd also costs many bits in every keyframe.
  const mesh = new InstancedMesh(geometry, new MeshLambertMaterial({ color: '#6a6a6a' }), list.length);
  const color = new Color();
  list.forEach((_, i) => {
    // A fixed hash spreads the shirt colours without a random generator.
    color.set(CROWD_COLORS[(i * 7919 + (i >> 3) * 31) % CROWD_COLORS.length]!);
    mesh.setColorAt(i, color);
  });
  const m = new Matrix4();
  const r = new Matrix4();
  list.forEach((seat, i) => {
    m.makeTranslation(seat.x, seat.y, seat.z);
    r.makeRotationY(seat.yaw);
    mesh.setMatrixAt(i, m.multiply(r));
  });
  return mesh;
}

function mergeBoxes(a: BufferGeometry, b: BufferGeometry): BufferGeometry {
  const ai = a.toNonIndexed();
  const bi = b.toNonIndexed();
  const merged = new BufferGeometry();
  for (const name of ['position', 'normal'] as const) {
    const x = ai.getAttribute(name).array as Float32Array;
    const y = bi.getAttribute(name).array as Float32Array;
    const out = new Float32Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    merged.setAttribute(name, new Float32BufferAttribute(out, 3));
  }
  return merged;
}

/** A dark roof with rows of bright light panels over the court. */
function buildRoof(): Group {
  const roof = new Group();
  const ceiling = new Mesh(new PlaneGeometry(90, 70), new MeshBasicMaterial({ color: '#080b12', side: DoubleSide }));
  ceiling.rotation.x = Math.PI / 2;
  ceiling.position.y = 24;
  roof.add(ceiling);
  const panel = new BoxGeometry(2.4, 0.2, 1.2);
  const bright = new MeshBasicMaterial({ color: '#fff6dc' });
  for (let i = -3; i <= 3; i++) {
    for (const z of [-9, -3, 3, 9]) {
      const light = new Mesh(panel, bright);
      light.position.set(i * 6, 21, z);
      roof.add(light);
    }
  }
  return roof;
}
