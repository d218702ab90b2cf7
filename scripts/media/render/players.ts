import {
  BoxGeometry,
  CanvasTexture,
  CircleGeometry,
  CylinderGeometry,
  Group,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  SphereGeometry,
  SRGBColorSpace,
} from 'three';
import type { PlayerPose } from '../players.ts';

/** A player's look: jersey body and number colours, shorts, shoes. */
export interface Kit {
  jersey: string;
  number: string;
  shorts: string;
  shoes: string;
}

const SKIN = ['#8d5524', '#c68642', '#e0ac69', '#5c3a1e', '#f1c27d'];

/** One player figure: legs and arms swing about the hips and shoulders, the group turns and jumps. */
export interface PlayerFigure {
  root: Group;
  legs: [Group, Group];
  arms: [Group, Group];
}

const legGeometry = new CylinderGeometry(0.075, 0.065, 0.9, 8);
legGeometry.translate(0, -0.45, 0);
const armGeometry = new CylinderGeometry(0.05, 0.045, 0.72, 6);
armGeometry.translate(0, -0.36, 0);
const shoeGeometry = new BoxGeometry(0.13, 0.1, 0.3);
shoeGeometry.translate(0, -0.9, -0.05);
const torsoGeometry = new CylinderGeometry(0.22, 0.19, 0.62, 12, 1, true);
const shortsGeometry = new CylinderGeometry(0.2, 0.22, 0.36, 10);
const headGeometry = new SphereGeometry(0.12, 10, 8);
const shadowGeometry = new CircleGeometry(0.45, 16);
const shadowMaterial = new MeshBasicMaterial({ color: '#000000', transparent: true, opacity: 0.28, depthWrite: false });

/** Builds a player in a team kit with a jersey number front and back. */
export function buildPlayer(kit: Kit, number: number, index: number): PlayerFigure {
  const root = new Group();
  const skin = new MeshLambertMaterial({ color: SKIN[index % SKIN.length]! });
  const shoe = new MeshLambertMaterial({ color: kit.shoes });
  const legs = [0, 1].map((i) => {
    const hip = new Group();
    hip.position.set(i === 0 ? -0.1 : 0.1, 0.95, 0);
    hip.add(new Mesh(legGeometry, skin), new Mesh(shoeGeometry, shoe));
    root.add(hip);
    return hip;
  }) as [Group, Group];
  const shorts = new Mesh(shortsGeometry, new MeshLambertMaterial({ color: kit.shorts }));
  shorts.position.y = 1.02;
  const torso = new Mesh(torsoGeometry, new MeshLambertMaterial({ map: jerseyTexture(kit, number) }));
  torso.position.y = 1.5;
  const head = new Mesh(headGeometry, skin);
  head.position.y = 1.95;
  const arms = [0, 1].map((i) => {
    const shoulder = new Group();
    shoulder.position.set(i === 0 ? -0.27 : 0.27, 1.76, 0);
    shoulder.add(new Mesh(armGeometry, skin));
    root.add(shoulder);
    return shoulder;
  }) as [Group, Group];
  root.add(shorts, torso, head);
  return { root, legs, arms };
}

/** A blob shadow on the floor under a player (no shadow maps: cheap and steady from frame to frame). */
export function buildShadow(): Mesh {
  const shadow = new Mesh(shadowGeometry, shadowMaterial);
  shadow.rotation.x = -Math.PI / 2;
  shadow.position.y = 0.012;
  return shadow;
}

/** Poses a figure: place, facing, jump, running stride, arms up when holding the ball overhead. */
export function posePlayer(figure: PlayerFigure, shadow: Mesh, pose: PlayerPose, t: number, armsUp: boolean): void {
  figure.root.position.set(pose.x, pose.lift, pose.z);
  figure.root.rotation.y = pose.yaw;
  shadow.position.x = pose.x;
  shadow.position.z = pose.z;
  shadow.scale.setScalar(1 / (1 + pose.lift));
  const stride = Math.min(pose.speed / 6, 1) * 0.7;
  const swing = Math.sin(t * 9 + pose.slot * 1.3) * stride;
  figure.legs[0].rotation.x = swing;
  figure.legs[1].rotation.x = -swing;
  figure.arms[0].rotation.x = armsUp ? Math.PI * 0.92 : -swing * 0.8;
  figure.arms[1].rotation.x = armsUp ? Math.PI * 0.92 : swing * 0.8;
}

function jerseyTexture(kit: Kit, number: number): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = 256;
  canvas.height = 128;
  const g = canvas.getContext('2d')!;
  g.fillStyle = kit.jersey;
  g.fillRect(0, 0, 256, 128);
  g.fillStyle = kit.number;
  g.fillRect(0, 0, 256, 8);
  g.font = 'bold 72px sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  // u = 0.5 is the chest (the cylinder's -z side), u = 0 and 1 the back.
  for (const x of [0, 128, 256]) g.fillText(String(number), x, 70);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}
