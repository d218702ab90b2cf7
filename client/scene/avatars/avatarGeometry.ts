import {
  type BufferGeometry,
  CapsuleGeometry,
  CylinderGeometry,
  LatheGeometry,
  PlaneGeometry,
  SphereGeometry,
  Vector2,
} from 'three';
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js';
import { createControllerGeometry } from '../controllerGeometry.ts';
import { ARM } from './armIk.ts';
import { BODY } from './bodyLayout.ts';

/** Every avatar part's geometry, each in the frame its BodyPose matrix (or head matrix) poses. */
export interface AvatarGeometries {
  head: BufferGeometry;
  face: BufferGeometry;
  torso: BufferGeometry;
  hips: BufferGeometry;
  legs: BufferGeometry;
  upperArm: BufferGeometry;
  forearm: BufferGeometry;
  hand: BufferGeometry;
  shoe: BufferGeometry;
  number: BufferGeometry;
  controller: BufferGeometry;
  tag: BufferGeometry;
}

const merge = (parts: BufferGeometry[]): BufferGeometry => {
  // NOTE: non-indexed throughout: lathes and capsules disagree on indexing and merge needs one kind.
  const flat = parts.map((g) => (g.index ? g.toNonIndexed() : g));
  const merged = mergeGeometries(flat, false);
  for (const g of [...parts, ...flat]) g.dispose();
  if (!merged) throw new Error('avatar geometry: parts do not share attributes');
  return merged;
};

/** A lathe from (radius, height) pairs, top to bottom, flattened front to back like a chest. */
const lathe = (profile: [number, number][], segments: number, depth: number) =>
  new LatheGeometry(
    profile.map(([r, y]) => new Vector2(r, y)),
    segments,
  ).scale(1, 1, depth);

/** A limb bone hanging down -y from its joint at the origin, rounded at both ends. */
const limb = (radius: number, length: number, tip: number) =>
  new CapsuleGeometry(radius, length - 2 * radius, 2, 8).translate(0, -length / 2, 0).scale(1, 1, tip);

/**
 * Low-poly but shapely parts, about 1,300 triangles for a whole person (heads dominate: they are
 * what is looked at). Built once and shared by every instance.
 */
export function createAvatarGeometries(): AvatarGeometries {
  // Radius and height from the hips up (a lathe winds outward bottom to top): a narrower waist,
  // chest, round shoulders and a collar at the neck (y = 0).
  const torso = lathe(
    [
      [0.001, -BODY.torsoLength],
      [0.17, -BODY.torsoLength],
      [0.165, -0.46],
      [0.175, -0.36],
      [0.2, -0.22],
      [0.205, -0.1],
      [0.17, -0.03],
      [0.07, 0.015],
      [0.001, 0.02],
    ],
    12,
    0.62,
  );
  const hips = lathe(
    [
      [0.001, -0.3],
      [0.2, -0.3],
      [0.19, -0.12],
      [0.175, 0.03],
      [0.001, 0.03],
    ],
    10,
    0.7,
  );
  const leg = (x: number) => limb(0.06, BODY.legLength - 0.1, 1).translate(x, -0.02, 0.01);
  const head = merge([
    new SphereGeometry(0.105, 12, 10).scale(1, 1.15, 1.05).translate(0, 0.03, 0.01),
    new CylinderGeometry(0.045, 0.05, 0.12, 8, 1, true).translate(0, -0.1, 0.03),
  ]);
  // Hair over the crown and the back of the head, and two eyes: the face's dark parts in one draw.
  const hair = new SphereGeometry(0.112, 10, 5, 0, Math.PI * 2, 0, Math.PI * 0.45)
    .scale(1, 1.12, 1.06)
    .rotateX(0.35)
    .translate(0, 0.04, 0.018);
  const eye = (x: number) => new SphereGeometry(0.014, 5, 3).translate(x, 0.045, -0.098);
  return {
    head,
    face: merge([hair, eye(-0.037), eye(0.037)]),
    torso,
    hips,
    legs: merge([leg(-0.09), leg(0.09)]),
    upperArm: limb(0.05, ARM.upper + 0.02, 0.9),
    forearm: limb(0.04, ARM.fore + 0.02, 0.85),
    hand: new SphereGeometry(1, 6, 5).scale(0.035, 0.075, 0.022).translate(0, -0.06, 0),
    shoe: new CapsuleGeometry(0.045, 0.19, 2, 6)
      .rotateX(Math.PI / 2)
      .scale(1.1, 0.85, 1)
      .translate(0, 0, -0.02),
    number: new PlaneGeometry(0.2, 0.2),
    controller: createControllerGeometry(),
    tag: new PlaneGeometry(1, 1),
  };
}

/** Triangles one person costs, tag and controllers aside (the render budget's unit). */
export function trianglesPerPerson(g: AvatarGeometries): number {
  const tris = (b: BufferGeometry) => (b.index ? b.index.count : b.attributes.position!.count) / 3;
  return (
    tris(g.head) +
    tris(g.face) +
    tris(g.torso) +
    tris(g.hips) +
    tris(g.legs) +
    tris(g.number) * 2 +
    (tris(g.upperArm) + tris(g.forearm) + tris(g.hand) + tris(g.shoe)) * 2
  );
}
