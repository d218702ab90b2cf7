// The studio page, run in headless Chromium by scripts/models/studio/studio.ts: loads a product's
// GLB with three.js and either exports it as USDZ (three's USDZExporter) or photographs one
// colourway of it. Plain JavaScript because the browser runs it as is; three comes from an import map.
import * as THREE from 'three';
import { USDZExporter } from 'three/addons/exporters/USDZExporter.js';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';

const SLOTS = ['primary', 'secondary', 'accent'];

// Unit vectors from the model towards the camera, per picture angle. +z is a shoe's outer side
// (toe towards +x) and a jersey's front, so "side" shows a shoe's profile and a jersey's print.
const VIEWS = {
  'three-quarter': new THREE.Vector3(1, 0.55, 1.5).normalize(),
  side: new THREE.Vector3(0.02, 0.12, 1).normalize(),
  top: new THREE.Vector3(0.12, 1, 0.45).normalize(),
};

const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);

/** Loads a GLB served at `url` into a fresh three.js scene graph. */
async function load(url) {
  const gltf = await loader.loadAsync(url);
  return gltf.scene;
}

/** Bytes as base64, the cheapest way back to Node through page.evaluate. */
function toBase64(bytes) {
  let text = '';
  for (let k = 0; k < bytes.length; k += 0x8000) text += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(text);
}

/** The model at `url` as a USDZ for iOS Quick Look, base64. */
async function usdz(url) {
  const model = await load(url);
  const bytes = await new USDZExporter().parseAsync(model, {
    quickLookCompatible: true,
    maxTextureSize: 512,
    ar: { anchoring: { type: 'plane' }, planeAnchoring: { alignment: 'horizontal' } },
  });
  return toBase64(bytes);
}

let renderer = null;
let environment = null;

function studioRenderer(size) {
  if (!renderer) {
    renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    renderer.shadowMap.enabled = true;
    renderer.shadowMap.type = THREE.PCFSoftShadowMap;
    renderer.toneMapping = THREE.ACESFilmicToneMapping;
    renderer.toneMappingExposure = 1.05;
    document.body.appendChild(renderer.domElement);
    const pmrem = new THREE.PMREMGenerator(renderer);
    environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture;
  }
  renderer.setPixelRatio(1);
  renderer.setSize(size, size);
  return renderer;
}

/**
 * Photographs the model at `url` painted in `colours` from `angle` on a light studio backdrop with a
 * soft floor shadow, `size` px square; returns the WebP as base64.
 */
async function picture(url, colours, angle, size) {
  const view = VIEWS[angle];
  if (!view) throw new Error(`unknown picture angle "${angle}"`);
  const gl = studioRenderer(size);
  const model = await load(url);
  model.traverse((o) => {
    if (!o.isMesh) return;
    o.castShadow = true;
    const slot = SLOTS.find((s) => o.material.name.startsWith(s));
    if (slot) o.material.color.set(colours[slot]);
  });
  const scene = new THREE.Scene();
  scene.background = new THREE.Color('#f1f1ef');
  scene.environment = environment;
  scene.environmentIntensity = 0.9;
  scene.add(model);
  const box = new THREE.Box3().setFromObject(model);
  const sphere = box.getBoundingSphere(new THREE.Sphere());
  const key = new THREE.DirectionalLight('#ffffff', 1.6);
  key.position.copy(sphere.center).add(new THREE.Vector3(0.6, 2, 1).multiplyScalar(sphere.radius * 2));
  key.target.position.copy(sphere.center);
  key.castShadow = true;
  key.shadow.mapSize.set(1024, 1024);
  key.shadow.radius = 6;
  const reach = sphere.radius * 2.5;
  Object.assign(key.shadow.camera, { left: -reach, right: reach, top: reach, bottom: -reach, near: 0.01, far: reach * 4 });
  scene.add(key, key.target);
  const floor = new THREE.Mesh(new THREE.PlaneGeometry(reach * 4, reach * 4), new THREE.ShadowMaterial({ opacity: 0.18 }));
  floor.rotation.x = -Math.PI / 2;
  floor.position.y = box.min.y;
  floor.receiveShadow = true;
  scene.add(floor);
  const camera = new THREE.PerspectiveCamera(30, 1, sphere.radius * 0.05, sphere.radius * 20);
  // NOTE: a 30° lens at this distance leaves about 8 % margin round the bounding sphere.
  const distance = (sphere.radius / Math.sin(THREE.MathUtils.degToRad(15))) * 1.08;
  camera.position.copy(sphere.center).addScaledVector(view, distance);
  camera.lookAt(sphere.center);
  gl.render(scene, camera);
  const url64 = gl.domElement.toDataURL('image/webp', 0.82);
  model.traverse((o) => {
    if (!o.isMesh) return;
    o.geometry.dispose();
    for (const map of ['map', 'normalMap', 'roughnessMap', 'aoMap']) o.material[map]?.dispose();
    o.material.dispose();
  });
  floor.geometry.dispose();
  return url64.slice(url64.indexOf(',') + 1);
}

window.studio = { usdz, picture };
window.studioReady = true;
