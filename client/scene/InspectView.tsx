import { Suspense, useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Mesh, Quaternion, Vector3, type Group, type Material, type Object3D } from 'three';
import { findProduct } from '../state/catalogSlice.ts';
import { useApp } from '../state/context.tsx';
import { useInspectGestures } from '../xr/useInspectGestures.ts';
import { ModelBoundary } from './ModelBoundary.tsx';
import { ProductModel } from './ProductModel.tsx';
import { ProductStandIn } from './ProductStandIn.tsx';
import { FRAME } from '../frame.ts';
import { useXR } from '@react-three/xr';
import { StudioBackdrop } from './studio/StudioBackdrop.tsx';
import { StudioHotspots } from './studio/StudioHotspots.tsx';
import { StudioLights } from './studio/StudioLights.tsx';
import { StudioShadow } from './studio/StudioShadow.tsx';
import { useCloseUp } from './studio/useCloseUp.ts';
import { useServices } from '../state/context.tsx';

export interface InspectViewProps {
  /** Distance in front of the eye at zoom 1, metres. */
  distance?: number;
  /** Size the product's largest dimension is scaled to, metres. */
  size?: number;
  /** Shift in the camera's frame (x right, y up) so the product sits beside the card, not under it. */
  offset?: [number, number];
}

/** The studio is seen a little from above (radians), as a product shot is: the floor and its shadow show. */
const STUDIO_TILT = 0.3;

/** Inspected parts draw after everything else, on a cleared depth buffer, so nothing in the world cuts them. */
const ON_TOP = 1000;

/**
 * The product being inspected, held in front of the camera: drag to turn it, wheel or pinch to zoom.
 * It is a separate copy of the model (the shelf item stays put) and follows the chosen colourway.
 * It stands in a studio: a sweep behind it instead of the arena, studio light from Lightformers, a
 * soft contact shadow, feature hotspots (screens only) and close-ups chosen in the inspect bar. In a
 * headset the studio stays cheap: a smaller environment map, no DOM hotspots.
 */
export function InspectView({ distance = 0.65, size = 0.34, offset = [0, -0.02] }: InspectViewProps) {
  const inspecting = useApp((s) => s.inspecting && s.panel === 'product');
  const product = useApp((s) => findProduct(s.catalog, s.productId));
  const colourwayId = useApp((s) => (s.productId ? (s.choice[s.productId]?.colourwayId ?? null) : null));
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  const active = inspecting && product !== undefined;
  const gesture = useInspectGestures(canvas, active, product?.id);
  useCloseUp(gesture, active ? product : undefined);
  const { store } = useServices();
  const inXr = useXR((s) => s.mode !== null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the product and inspect state are the trigger: each inspect starts whole, with no note open.
  useEffect(() => {
    store.getState().showCloseUp(null);
    store.getState().openHotspot(null);
  }, [store, active, product?.id]);
  const holder = useRef<Group>(null);
  const turntable = useRef<Group>(null);
  const ahead = useMemo(() => new Vector3(), []);
  const eye = useMemo(() => ({ position: new Vector3(), quaternion: new Quaternion() }), []);
  const onTop = useMemo(() => {
    const prepared = new WeakSet<Object3D>();
    return (o: Object3D) => {
      if (prepared.has(o) || !(o instanceof Mesh)) return;
      prepared.add(o);
      o.renderOrder = ON_TOP;
      o.frustumCulled = false;
      for (const m of [o.material].flat() as Material[]) {
        m.transparent = true;
        m.needsUpdate = true;
      }
    };
  }, []);

  useFrame(() => {
    const g = holder.current;
    const t = turntable.current;
    if (!g || !t) return;
    // NOTE: the camera's world pose: in a headset it hangs under the XR origin (XrRig moves the origin), so its local pose is not where the eye is.
    camera.getWorldPosition(eye.position);
    camera.getWorldQuaternion(eye.quaternion);
    ahead.set(offset[0], offset[1], -distance * gesture.zoom).applyQuaternion(eye.quaternion);
    g.position.copy(eye.position).add(ahead);
    g.quaternion.copy(eye.quaternion);
    t.rotation.set(gesture.pitch, gesture.yaw, 0);
    t.traverse(onTop);
  }, FRAME.effects);

  if (!active || !product) return null;
  const d = product.dimensions;
  const scale = size / Math.max(d.x, d.y, d.z);
  const floor = (-d.y * scale) / 2;
  const standIn = <ProductStandIn product={product} colourwayId={colourwayId} />;
  return (
    <group ref={holder} name="inspect-view">
      <mesh renderOrder={ON_TOP - 1} frustumCulled={false} onBeforeRender={(gl) => gl.clearDepth()}>
        <planeGeometry args={[0.001, 0.001]} />
        <meshBasicMaterial transparent colorWrite={false} depthWrite={false} />
      </mesh>
      <group rotation-x={STUDIO_TILT}>
        <group name="inspect-studio">
          <StudioLights resolution={inXr ? 32 : 128} />
          <StudioBackdrop renderOrder={ON_TOP - 0.9} position-y={floor} />
          {/* NOTE: a hair above the sweep's floor, so the two never fight over depth. */}
          <StudioShadow position-y={floor + 0.002} diameter={Math.hypot(d.x, d.z) * scale * 1.25} renderOrder={ON_TOP - 0.5} />
        </group>
        <group ref={turntable}>
          <group scale={scale} position-y={floor}>
            <ModelBoundary key={product.id} fallback={standIn}>
              <Suspense fallback={standIn}>
                <ProductModel product={product} colourwayId={colourwayId} />
              </Suspense>
            </ModelBoundary>
            {!inXr && <StudioHotspots product={product} />}
          </group>
        </group>
      </group>
    </group>
  );
}
