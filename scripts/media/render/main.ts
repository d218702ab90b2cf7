/**
 * The demo match renderer, run in headless Chromium by scripts/media/build.ts. `window.renderFrame`
 * draws one instant of the match from one camera into the page's canvas as an equirect frame (two
 * stacked for a stereo source) and posts its raw RGBA pixels back to the build script's server.
 */
import {
  BufferGeometry,
  Color,
  CubeCamera,
  DirectionalLight,
  Float32BufferAttribute,
  HemisphereLight,
  LinearFilter,
  Mesh,
  MeshLambertMaterial,
  OrthographicCamera,
  Scene,
  ShaderMaterial,
  SphereGeometry,
  WebGLCubeRenderTarget,
  WebGLRenderer,
} from 'three';
import { type MatchTimeline, scoreboardAt } from '../../../shared/match.ts';
import { ballAt } from '../ball.ts';
import { type BallSegment, buildBallScript } from '../ballScript.ts';
import { BALL_RADIUS } from '../court.ts';
import { EQUIRECT_FRAGMENT, EQUIRECT_VERTEX, eyeOffsets } from '../equirect.ts';
import { playersAt } from '../players.ts';
import { buildArena, buildCrowd, seats } from './arena.ts';
import { buildPlayer, buildShadow, type Kit, posePlayer } from './players.ts';
import { buildScoreboard } from './scoreboard.ts';

/** What the build script sends before the first frame. */
export interface RenderSetup {
  timeline: MatchTimeline;
  /** Colours of the products in the moments: the dunker's shoes, the ball. */
  dunkShoes: string;
  ballColor: string;
  faceSize: number;
}

/** One frame request. */
export interface FrameRequest {
  timeMs: number;
  camera: { position: [number, number, number]; yaw: number };
  stereo: boolean;
  width: number;
  height: number;
  /** Which output stream the frame's pixels are posted to. */
  stream: string;
}

declare global {
  interface Window {
    setupMatch(setup: RenderSetup): void;
    renderFrame(request: FrameRequest): Promise<void>;
  }
}

const canvas = document.querySelector('canvas')!;
const renderer = new WebGLRenderer({ canvas, antialias: false, preserveDrawingBuffer: true });
renderer.setPixelRatio(1);
const scene = new Scene();
const BACKGROUND = new Color('#05070c');
scene.background = BACKGROUND;
const sky = new HemisphereLight('#dfe8ff', '#4a3a2a', 1.6);
const sun = new DirectionalLight('#fff4e0', 1.6);
sun.position.set(4, 20, 6);
for (const light of [sky, sun]) {
  light.layers.enableAll();
  scene.add(light);
}

let script: BallSegment[] = [];
let timeline: MatchTimeline;
let cubes: CubeCamera[] = [];
let faceSize = 512;
const DYNAMIC = 0;
const STATIC = 1;
let update: (t: number) => void = () => {};

window.setupMatch = (setup) => {
  timeline = setup.timeline;
  script = buildBallScript(timeline);
  const { home, away } = timeline.teams;
  const arena = buildArena(home.color);
  const crowd = buildCrowd(seats());
  for (const part of [arena.statics, crowd]) {
    part.traverse((o) => o.layers.set(STATIC));
    scene.add(part);
  }
  scene.add(arena.hoops);
  const board = buildScoreboard(timeline);
  scene.add(board.group);
  const kits: Record<'home' | 'away', Kit> = {
    home: { jersey: '#f4f4f4', number: home.color, shorts: '#f4f4f4', shoes: '#1b1b1f' },
    away: { jersey: away.color, number: '#f4f4f4', shorts: away.color, shoes: '#f4f4f4' },
  };
  const poses0 = playersAt(timeline, script, 0);
  const figures = poses0.map((pose, i) => {
    // The home star (#23) wears the moment's shoes.
    const kit = pose.team === 'home' && pose.slot === 0 ? { ...kits.home, shoes: setup.dunkShoes } : kits[pose.team];
    const figure = buildPlayer(kit, pose.number, i);
    const shadow = buildShadow();
    scene.add(figure.root, shadow);
    return { figure, shadow };
  });
  const ball = new Mesh(new SphereGeometry(BALL_RADIUS, 16, 12), new MeshLambertMaterial({ color: setup.ballColor }));
  const ballShadow = buildShadow();
  ballShadow.scale.setScalar(0.3);
  scene.add(ball, ballShadow);
  faceSize = setup.faceSize;
  cubes = [0, 1].map(() => cubeCamera(DYNAMIC));
  update = (t) => {
    const b = ballAt(script, t);
    ball.position.set(b[0], b[1], b[2]);
    ball.rotation.set(t * 6, t * 2, 0);
    ballShadow.position.set(b[0], 0.013, b[2]);
    playersAt(timeline, script, t).forEach((pose, i) => {
      const near = Math.hypot(b[0] - pose.x, b[2] - pose.z) < 0.6 && b[1] - pose.lift > 1.7;
      posePlayer(figures[i]!.figure, figures[i]!.shadow, pose, t, near);
    });
    board.show(scoreboardAt(timeline, t * 1000));
  };
};

function cubeCamera(layer: number): CubeCamera {
  const target = new WebGLCubeRenderTarget(faceSize, { generateMipmaps: false, minFilter: LinearFilter });
  const cube = new CubeCamera(0.05, 200, target);
  for (const child of cube.children) child.layers.set(layer);
  scene.add(cube);
  return cube;
}

/**
 * The arena behind the players never changes, so each camera position's view of it is drawn into
 * a cube once and kept; every frame only the players, ball, hoops and scoreboard are drawn, over a
 * transparent clear, and the equirect pass lays them over the kept cube.
 */
const staticCubes = new Map<string, CubeCamera>();
function staticCube(position: readonly number[]): CubeCamera {
  const key = position.map((v) => v.toFixed(4)).join(',');
  let cube = staticCubes.get(key);
  if (!cube) {
    cube = cubeCamera(STATIC);
    cube.position.set(position[0]!, position[1]!, position[2]!);
    cube.update(renderer, scene);
    staticCubes.set(key, cube);
  }
  return cube;
}

const quadScene = new Scene();
const quadCamera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
const equirect = new ShaderMaterial({
  uniforms: { arena: { value: null }, cube: { value: null }, cameraYaw: { value: 0 } },
  vertexShader: EQUIRECT_VERTEX,
  fragmentShader: EQUIRECT_FRAGMENT,
  depthTest: false,
  depthWrite: false,
});
const triangle = new BufferGeometry();
triangle.setAttribute('position', new Float32BufferAttribute([-1, -1, 0, 3, -1, 0, -1, 3, 0], 3));
triangle.setAttribute('uv', new Float32BufferAttribute([0, 0, 2, 0, 0, 2], 2));
const quad = new Mesh(triangle, equirect);
quad.frustumCulled = false;
quadScene.add(quad);

window.renderFrame = async (request) => {
  update(request.timeMs / 1000);
  const { position, yaw } = request.camera;
  if (renderer.domElement.width !== request.width || renderer.domElement.height !== request.height) {
    renderer.setSize(request.width, request.height, false);
  }
  const offsets = request.stereo ? eyeOffsets(yaw) : [[0, 0, 0] as const];
  renderer.setScissorTest(true);
  offsets.forEach((offset, eye) => {
    const at = [position[0] + offset[0], position[1] + offset[1], position[2] + offset[2]];
    const arena = staticCube(at);
    const cube = cubes[eye]!;
    cube.position.set(at[0]!, at[1]!, at[2]!);
    scene.background = null;
    renderer.setClearColor(0x000000, 0);
    cube.update(renderer, scene);
    scene.background = BACKGROUND;
    // Left eye on top: in GL's bottom-up viewport the top half starts at height / 2.
    const h = request.stereo ? request.height / 2 : request.height;
    const y = request.stereo && eye === 0 ? request.height / 2 : 0;
    renderer.setViewport(0, y, request.width, h);
    renderer.setScissor(0, y, request.width, h);
    equirect.uniforms.arena!.value = arena.renderTarget.texture;
    equirect.uniforms.cube!.value = cube.renderTarget.texture;
    equirect.uniforms.cameraYaw!.value = (yaw * Math.PI) / 180;
    renderer.render(quadScene, quadCamera);
  });
  renderer.setScissorTest(false);
  const gl = renderer.getContext();
  const pixels = new Uint8Array(request.width * request.height * 4);
  gl.readPixels(0, 0, request.width, request.height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  // Rows come bottom-up; the build script's ffmpeg flips them.
  const response = await fetch(`/frame/${request.stream}`, { method: 'POST', body: pixels });
  if (!response.ok) throw new Error(`frame upload: ${response.status}`);
};
