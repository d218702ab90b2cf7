import { useMemo, useRef } from 'react';
import { useFrame, useThree, type ThreeElements, type ThreeEvent } from '@react-three/fiber';
import { Raycaster, Vector2, type Group } from 'three';
import { SHELVES, slotPosition } from '../../shared/arena.ts';
import type { Product } from '../../shared/catalog.ts';
import { useApp, useServices } from '../state/context.tsx';
import { ShelfProduct } from './ShelfProduct.tsx';

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
 * Every catalog product in its shelf slot, with an invisible pick box each. Pointing works two ways:
 * with the pointer locked (mouse-look) a ray from the screen centre picks; otherwise R3F pointer
 * events on the pick boxes do (mouse hover, taps). Only the boxes are tested, never model triangles.
 */
export function ShelfProducts({ reach = 14, ...props }: ShelfProductsProps) {
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
  const picks = useRef<Group>(null);
  const camera = useThree((s) => s.camera);
  const ray = useMemo(() => {
    const r = new Raycaster();
    r.far = reach;
    return r;
  }, [reach]);
  const centre = useMemo(() => new Vector2(0, 0), []);

  useFrame(() => {
    const group = picks.current;
    if (!group || !isLocked()) return;
    ray.setFromCamera(centre, camera);
    const hit = ray.intersectObjects(group.children, false)[0];
    store.getState().setHovered((hit?.object.userData.productId as string | undefined) ?? null);
  });

  const over = (id: string) => (e: ThreeEvent<PointerEvent>) => {
    if (isLocked()) return;
    e.stopPropagation();
    store.getState().setHovered(id);
  };
  const out = (id: string) => () => {
    if (isLocked()) return;
    if (store.getState().hoveredProductId === id) store.getState().setHovered(null);
  };
  const click = (id: string) => (e: ThreeEvent<MouseEvent>) => {
    if (isLocked() || e.delta > TAP_SLOP || e.distance > reach) return;
    e.stopPropagation();
    store.getState().openProduct(id);
  };

  return (
    <group {...props}>
      {placed.map(({ product, position, rotationY }) => (
        <ShelfProduct key={product.id} product={product} position={position} rotation-y={rotationY} />
      ))}
      <group ref={picks}>
        {placed.map(({ product, position, rotationY }) => {
          const d = product.dimensions;
          const size: [number, number, number] = [
            Math.max(d.x, MIN_PICK_SIZE),
            Math.max(d.y, MIN_PICK_SIZE),
            Math.max(d.z, MIN_PICK_SIZE),
          ];
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: <mesh> is a react-three-fiber 3D object, not a DOM element; its pointer events come from raycasting.
            <mesh
              key={product.id}
              position={[position[0], position[1] + size[1] / 2, position[2]]}
              rotation-y={rotationY}
              userData={{ productId: product.id }}
              onPointerOver={over(product.id)}
              onPointerOut={out(product.id)}
              onClick={click(product.id)}
            >
              <boxGeometry args={size} />
              <meshBasicMaterial visible={false} />
            </mesh>
          );
        })}
      </group>
    </group>
  );
}
