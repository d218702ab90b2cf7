import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useXR, useXRHitTest, useXRInputSourceState, useXRStore } from '@react-three/xr';
import { type Group, Matrix4, Quaternion, Raycaster, Vector3 } from 'three';
import { useExpose } from '../../debug/inspect.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { ModelBoundary } from '../ModelBoundary.tsx';
import { ProductModel } from '../ProductModel.tsx';
import { ProductStandIn } from '../ProductStandIn.tsx';
import { XrArToolbar } from '../../ui/productCard/XrArToolbar.tsx';
import { isFloorLike, type Placement, placementFromHit, rotateBySteps, rotateStepFromStick } from './placement.ts';
import { FRAME } from '../../frame.ts';

// NOTE: a constant: useXRHitTest makes a new hit-test source whenever this argument changes identity.
const SURFACES: XRHitTestTrackableType[] = ['plane', 'mesh'];
/** Height of the toolbar's centre above the top of the product, metres (about half its height plus a gap). */
const TOOLBAR_GAP = 0.3;

const hitMatrix = new Matrix4();
const rayMatrix = new Matrix4();
const rayOrigin = new Vector3();
const rayDirection = new Vector3();
const rayQuaternion = new Quaternion();
const rayScale = new Vector3();
const head = new Vector3();
const raycaster = new Raycaster();

/** The latest hit under the visitor's aim, written by the hit-test callback every frame. */
export interface ArHit {
  valid: boolean;
  matrix: Matrix4;
}

/**
 * "View in your room": the product the visitor opened (or last viewed) at true size in passthrough.
 * A reticle follows the hit-test point under the right controller's ray (or hand ray, or the screen's
 * centre on a phone); select places the product there and select again moves it; the right stick turns
 * it in 15° steps; a toolbar beside it switches colourway and adds to the cart. Mount only in `immersive-ar`.
 */
export function ArView() {
  const { store } = useServices();
  const xr = useXRStore();
  const session = useXR((s) => s.session);
  const camera = useThree((s) => s.gl.xr);
  const product = useApp((s) => findProduct(s.catalog, s.productId) ?? s.catalog?.products[0] ?? null);
  const colourwayId = useApp((s) => (product ? s.choice[product.id]?.colourwayId : undefined));
  const controller = useXRInputSourceState('controller', 'right');
  const hand = useXRInputSourceState('hand', 'right');
  const space = controller?.inputSource.targetRaySpace ?? hand?.inputSource.targetRaySpace ?? 'viewer';
  const hit = useMemo<ArHit>(() => ({ valid: false, matrix: new Matrix4() }), []);
  const stick = useMemo(() => ({ armed: true }), []);
  const reticle = useRef<Group>(null);
  const placed = useRef<Group>(null);
  const toolbar = useRef<Group>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const [facing, setFacing] = useState(0);

  // NOTE: the toolbar is the product card's model, which follows the store's product: the HUD button
  // with no product viewed yet shows the catalog's first.
  useEffect(() => {
    if (product && store.getState().productId !== product.id) store.getState().focusProduct(product.id);
  }, [product, store]);

  useXRHitTest(
    (results, getWorldMatrix) => {
      hit.valid = false;
      for (const result of results) {
        if (getWorldMatrix(hitMatrix, result) && isFloorLike(hitMatrix.elements)) {
          hit.matrix.copy(hitMatrix);
          hit.valid = true;
          return;
        }
      }
    },
    space,
    SURFACES,
  );

  /** Whether a select's ray points at the toolbar (then the toolbar's button takes it, not placement). */
  const aimsAtToolbar = useCallback(
    (event: XRInputSourceEvent): boolean => {
      const panel = toolbar.current;
      const { originReferenceSpace, origin } = xr.getState();
      if (!panel || !originReferenceSpace) return false;
      const pose = event.frame.getPose(event.inputSource.targetRaySpace, originReferenceSpace);
      if (!pose) return false;
      rayMatrix.fromArray(pose.transform.matrix);
      if (origin) rayMatrix.premultiply(origin.matrixWorld);
      rayMatrix.decompose(rayOrigin, rayQuaternion, rayScale);
      raycaster.set(rayOrigin, rayDirection.set(0, 0, -1).applyQuaternion(rayQuaternion));
      return raycaster.intersectObject(panel, true).length > 0;
    },
    [xr],
  );

  useEffect(() => {
    if (!session) return;
    const onSelect = (event: XRInputSourceEvent) => {
      if (!hit.valid || aimsAtToolbar(event)) return;
      const next = placementFromHit(hit.matrix.elements, placedYaw.current);
      camera.getCamera().getWorldPosition(head);
      setFacing(Math.atan2(head.x - next.x, head.z - next.z));
      setPlacement(next);
    };
    session.addEventListener('select', onSelect);
    return () => session.removeEventListener('select', onSelect);
  }, [session, hit, aimsAtToolbar, camera]);

  const placedYaw = useRef(0);
  useEffect(() => {
    placedYaw.current = placement?.yaw ?? placedYaw.current;
  }, [placement]);
  const latest = useRef(placement);
  latest.current = placement;
  const three = useThree((s) => s.get);
  useExpose(
    'arView',
    useMemo(() => ({ three, hit, product: placed, placement: () => latest.current }), [three, hit]),
  );

  useFrame(() => {
    const ring = reticle.current;
    if (ring) {
      ring.visible = hit.valid;
      if (hit.valid) {
        ring.matrix.copy(hit.matrix);
        ring.matrixWorldNeedsUpdate = true;
      }
    }
    const x = controller?.gamepad['xr-standard-thumbstick']?.xAxis ?? 0;
    const turn = rotateStepFromStick(x, stick.armed);
    stick.armed = turn.armed;
    if (turn.step !== 0) setPlacement((p) => (p ? { ...p, yaw: rotateBySteps(p.yaw, turn.step) } : p));
  }, FRAME.effects);

  if (!product) return null;
  const standIn = <ProductStandIn product={product} colourwayId={colourwayId} />;
  return (
    <>
      <ambientLight intensity={0.8} />
      <directionalLight position={[1, 3, 2]} intensity={1.6} />
      {/* NOTE: the hit pose's +y is the surface normal; the ring is turned from XY onto that plane. */}
      <group ref={reticle} name="ar-reticle" visible={false} matrixAutoUpdate={false}>
        <mesh rotation-x={-Math.PI / 2}>
          <ringGeometry args={[0.08, 0.1, 40]} />
          <meshBasicMaterial color="#ffffff" transparent opacity={0.9} depthWrite={false} />
        </mesh>
      </group>
      {placement && (
        <>
          <group
            ref={placed}
            name="ar-product"
            userData={{ productId: product.id }}
            position={[placement.x, placement.y, placement.z]}
            rotation-y={placement.yaw}
          >
            <ModelBoundary key={product.id} fallback={standIn}>
              <Suspense fallback={standIn}>
                <ProductModel product={product} colourwayId={colourwayId} />
              </Suspense>
            </ModelBoundary>
          </group>
          <group
            ref={toolbar}
            position={[placement.x, placement.y + product.dimensions.y + TOOLBAR_GAP, placement.z]}
            rotation-y={facing}
          >
            <XrArToolbar onExit={() => void session?.end()} />
          </group>
        </>
      )}
    </>
  );
}
