import { Suspense, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group } from 'three';
import { FRAME } from '../../frame.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { showsSelf } from '../../state/studioSlice.ts';
import { resolveLooks } from '../avatarLooks.ts';
import { ModelBoundary } from '../ModelBoundary.tsx';
import { ProductModel } from '../ProductModel.tsx';
import { Vector3 } from 'three';
import { PART } from './avatarFrame.ts';

/**
 * The self view's own simple figure around the shared head point: a visor, a capsule body and the
 * feet just under it, where tried-on shoes are worn (metres from the eye point, facing -z).
 */
const SELF = {
  visor: new Vector3(0, 0.02, -0.1),
  body: new Vector3(0, -0.62, 0),
  shoeL: new Vector3(-0.1, -1.1, -0.04),
  shoeR: new Vector3(0.1, -1.1, -0.04),
} as const;

/**
 * The visitor's own avatar, drawn only while they look at themselves trying something on (the
 * "See yourself" camera): head, body in their jersey colour, and the tried-on product itself, the
 * real model in its colourway, worn on the chest (a jersey) or at the feet (a pair of shoes).
 */
export function SelfAvatar() {
  const { localPlayer } = useServices();
  const shown = useApp(showsSelf);
  const product = useApp((s) => findProduct(s.catalog, s.tryOn?.productId ?? null));
  const colourwayId = useApp((s) => s.tryOn?.colourwayId ?? null);
  const profile = useApp((s) => s.profile);
  const jersey = useApp((s) => s.jersey);
  const catalog = useApp((s) => s.catalog);
  const looks = useMemo(
    () =>
      resolveLooks(
        profile,
        {
          jerseyColor: jersey.color ?? profile.color,
          jerseyNumber: jersey.number,
          tryOn: product ? `${product.id}:${colourwayId}` : '',
        },
        catalog,
      ),
    [profile, jersey, product, colourwayId, catalog],
  );
  const root = useRef<Group>(null);

  useFrame(() => {
    const g = root.current;
    if (!g) return;
    const { pose } = localPlayer;
    g.position.set(pose.x, pose.y, pose.z);
    g.rotation.set(0, pose.yaw, 0);
  }, FRAME.effects);

  if (!shown) return null;
  const worn = product && (product.category === 'jerseys' || product.category === 'shoes') ? product : null;
  const model = (position: [number, number, number], rotationY: number, key: string) =>
    worn && (
      <ModelBoundary key={key} fallback={null}>
        <Suspense fallback={null}>
          <ProductModel product={worn} colourwayId={colourwayId} position={position} rotation-y={rotationY} />
        </Suspense>
      </ModelBoundary>
    );
  return (
    <group ref={root} name="self-avatar">
      <mesh position={PART.head}>
        <sphereGeometry args={[0.13, 16, 12]} />
        <meshLambertMaterial color={looks.skin} />
      </mesh>
      <mesh position={SELF.visor}>
        <boxGeometry args={[0.2, 0.07, 0.06]} />
        <meshBasicMaterial color="#16181d" />
      </mesh>
      <mesh position={SELF.body}>
        <capsuleGeometry args={[0.2, 0.5, 4, 12]} />
        <meshLambertMaterial color={looks.body} />
      </mesh>
      {/* NOTE: a jersey model faces +z; the avatar faces -z (forward), so it turns round, and hangs from the shoulders. */}
      {worn?.category === 'jerseys' && model([0, SELF.body.y + 0.42 - worn.dimensions.y, -0.21], Math.PI, 'jersey')}
      {/* NOTE: shoe models point their toes along +x; a quarter turn points them forward (-z). */}
      {worn?.category === 'shoes' && (
        <>
          {model([SELF.shoeL.x, SELF.shoeL.y - 0.04, SELF.shoeL.z], Math.PI / 2, 'left')}
          {model([SELF.shoeR.x, SELF.shoeR.y - 0.04, SELF.shoeR.z], Math.PI / 2, 'right')}
        </>
      )}
    </group>
  );
}
