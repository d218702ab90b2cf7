import { useMemo, useRef } from 'react';
import { useFrame, useThree, type ThreeElements, type ThreeEvent } from '@react-three/fiber';
import { type Mesh, Raycaster, Vector2 } from 'three';
import { SHELVES, slotPosition } from '../../shared/arena.ts';
import type { Product } from '../../shared/catalog.ts';
import { useApp, useServices } from '../state/context.tsx';
import { GRAB_POINTER, type SlotPose, useShelfGrab } from '../xr/grab/useShelfGrab.ts';
import { createPress } from '../xr/xrPress.ts';
import { markPicked } from '../xr/pickedClicks.ts';
import { ShelfProduct } from './ShelfProduct.tsx';
import { FRAME } from '../frame.ts';
import { type AimInput, PICK_REACH, reachAction } from '../xr/reach.ts';

export type ShelfProductsProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Products farther than this (metres) can't be pointed at. */
  reach?: number;
};

/** Pointer travel (px) beyond which a press is a drag-to-look, not a tap on a product. */
const TAP_SLOP = 6;
const MIN_PICK_SIZE = 0.3;

interface Placed {
  product: Product;
  position: [number, number, number];
  rotationY: number;
}

const isLocked = () => typeof document !== 'undefined' && document.pointerLockElement !== null;

/**
 * Whether an event comes from an XR pointer (controller or hand ray, grab, touch) rather than the DOM.
 * NOTE: @pmndrs/pointer-events' events carry the pointer's state, and throw on `delta`.
 */
const fromXrPointer = (e: ThreeEvent<MouseEvent> | ThreeEvent<PointerEvent>) => 'pointerState' in e;

export function ShelfProducts({ reach = PICK_REACH, ...props }: ShelfProductsProps) {
  const { store } = useServices();
  const products = useApp((s) => s.catalog?.products);
  const placed = useMemo<Placed[]>(
    () =>
      (products ?? []).flatMap((product) => {
        const shelf = SHELVES[product.shelf.index];
        if (!shelf || product.shelf.slot >= shelf.slots) return [];
        const p = slotPosition(shelf, product.shelf.slot);
        return [{ product, position: [p.x, p.y, p.z], rotationY: shelf.rotationY }];
      }),
    [products],
  );
  const slots = useMemo(
    () => new Map<string, SlotPose>(placed.map((p) => [p.product.id, { position: p.position, rotationY: p.rotationY }])),
    [placed],
  );
  const { handlers, register } = useShelfGrab(slots);
  const picks = useRef(new Map<string, Mesh>());
  const camera = useThree((s) => s.camera);
  // NOTE: no far limit: a product beyond reach under the crosshair shows its hint instead of nothing.
  const ray = useMemo(() => new Raycaster(), []);
  const centre = useMemo(() => new Vector2(0, 0), []);

  useFrame(() => {
    if (!isLocked()) return;
    ray.setFromCamera(centre, camera);
    const hit = ray.intersectObjects([...picks.current.values()], false)[0];
    aim((hit?.object.userData.productId as string | undefined) ?? null, hit?.distance ?? Number.NaN, 'screen');
  }, FRAME.input);

  /** Hover within reach highlights; beyond it only the hint shows (nothing highlights that can't be used). */
  const aim = (id: string | null, distance: number, input: AimInput) => {
    const s = store.getState();
    const near = id !== null && reachAction(distance, input, reach) === 'use';
    s.setHovered(near ? id : null);
    s.setFarProduct(id !== null && !near ? id : null);
  };
  const over = (id: string) => (e: ThreeEvent<PointerEvent>) => {
    if (isLocked()) return;
    e.stopPropagation();
    aim(id, e.distance, fromXrPointer(e) ? 'xr' : 'screen');
  };
  const out = (id: string) => () => {
    if (isLocked()) return;
    const s = store.getState();
    if (s.hoveredProductId === id) s.setHovered(null);
    if (s.farProductId === id) s.setFarProduct(null);
  };
  const click = (id: string) => (e: ThreeEvent<MouseEvent>) => {
    if (fromXrPointer(e) || isLocked() || e.delta > TAP_SLOP) return;
    e.stopPropagation();
    markPicked(e.nativeEvent);
    if (reachAction(e.distance, 'screen', reach) === 'use') store.getState().openProduct(id);
    else store.getState().offerReach(id);
  };
  // NOTE: in XR the trigger (or a pinch far away) selects however long it is held; grabbing never selects.
  const presses = useMemo(
    () => new Map((products ?? []).map((p) => [p.id, createPress(() => store.getState().openProduct(p.id))])),
    [products, store],
  );
  const farPresses = useMemo(
    () => new Map((products ?? []).map((p) => [p.id, createPress(() => store.getState().offerReach(p.id))])),
    [products, store],
  );
  const xrHandlers = (id: string) => {
    const grab = handlers(id);
    const aims = (e: ThreeEvent<PointerEvent>) =>
      fromXrPointer(e) && (e as unknown as { pointerType: string }).pointerType !== GRAB_POINTER;
    // NOTE: a trigger on a product beyond reach offers to teleport there instead of doing nothing.
    const pressFor = (e: ThreeEvent<PointerEvent>) =>
      aims(e) ? (reachAction(e.distance, 'xr', reach) === 'use' ? presses.get(id) : farPresses.get(id)) : undefined;
    return {
      ...grab,
      onPointerDown: (e: ThreeEvent<PointerEvent>) => {
        grab.onPointerDown(e);
        pressFor(e)?.onPointerDown(e);
      },
      onPointerUp: (e: ThreeEvent<PointerEvent>) => {
        grab.onPointerUp(e);
        pressFor(e)?.onPointerUp(e);
      },
      onPointerMove: (e: ThreeEvent<PointerEvent>) => {
        grab.onPointerMove(e);
        if ((e as unknown as { pointerType?: string }).pointerType === GRAB_POINTER) return;
        // NOTE: walking while pointing changes the distance without a new pointer-over.
        if (!isLocked()) aim(id, e.distance, fromXrPointer(e) ? 'xr' : 'screen');
      },
      onPointerLeave: (e: ThreeEvent<PointerEvent>) => {
        presses.get(id)?.onPointerLeave(e);
        farPresses.get(id)?.onPointerLeave(e);
      },
    };
  };

  const pick = (id: string) => (mesh: Mesh | null) => {
    if (mesh) picks.current.set(id, mesh);
    else picks.current.delete(id);
  };

  return (
    <group {...props}>
      {placed.map(({ product, position, rotationY }) => {
        const d = product.dimensions;
        const size: [number, number, number] = [
          Math.max(d.x, MIN_PICK_SIZE),
          Math.max(d.y, MIN_PICK_SIZE),
          Math.max(d.z, MIN_PICK_SIZE),
        ];
        // NOTE: the product and its pick box move together while a hand holds them (useShelfGrab).
        return (
          <group key={product.id} ref={register(product.id)} position={position} rotation-y={rotationY}>
            <ShelfProduct product={product} />
            {/* biome-ignore lint/a11y/noStaticElementInteractions: <mesh> is a react-three-fiber 3D object, not a DOM element; its pointer events come from raycasting. */}
            <mesh
              ref={pick(product.id)}
              position={[0, size[1] / 2, 0]}
              userData={{ productId: product.id }}
              onPointerOver={over(product.id)}
              onPointerOut={out(product.id)}
              onClick={click(product.id)}
              {...xrHandlers(product.id)}
            >
              <boxGeometry args={size} />
              <meshBasicMaterial visible={false} />
            </mesh>
          </group>
        );
      })}
    </group>
  );
}
