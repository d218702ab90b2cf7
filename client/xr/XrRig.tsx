import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { XROrigin, XRSpace, useXRInputSourceStates } from '@react-three/xr';
import { Euler, type Group, type Object3D, Quaternion, Vector3 } from 'three';
import type { HandPose } from '../../shared/pose.ts';
import { useServices } from '../state/context.tsx';
import { shelfSpawnPoint } from '../../shared/arena.ts';
import { createXrRigState, type XrRigState } from './xrRig.ts';
import { XrLocomotion } from './XrLocomotion.tsx';
import { XrMenuButton } from './XrMenuButton.tsx';
import { XrPushToTalk } from './XrPushToTalk.tsx';
import { ComfortVignette } from './ComfortVignette.tsx';
import { FRAME } from '../frame.ts';
import { findProduct } from '../state/catalogSlice.ts';
import { approachPose, teleportRig } from './reach.ts';

export interface XrRigProps {
  /** Where the origin is each frame; locomotion writes it. Made fresh when omitted. */
  rig?: XrRigState;
}

const scratchPosition = new Vector3();
const scratchQuaternion = new Quaternion();
const scratchEuler = new Euler(0, 0, 0, 'YXZ');

function writeHand(object: Object3D | null, out: HandPose | null): HandPose | null {
  if (!object) return null;
  object.getWorldPosition(scratchPosition);
  object.getWorldQuaternion(scratchQuaternion);
  const hand = out ?? { x: 0, y: 0, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
  hand.x = scratchPosition.x;
  hand.y = scratchPosition.y;
  hand.z = scratchPosition.z;
  hand.qx = scratchQuaternion.x;
  hand.qy = scratchQuaternion.y;
  hand.qz = scratchQuaternion.z;
  hand.qw = scratchQuaternion.w;
  return hand;
}

/**
 * The visitor's body in an immersive session. The headset drives the camera, so this moves the XR
 * origin (the visitor's feet in the arena) and each frame writes the head's world pose back into
 * `localPlayer.pose` and the controllers' (or tracked wrists') world poses into `localPlayer.hands`,
 * where the pose sender finds them. Mount only inside an immersive session.
 */
export function XrRig({ rig: given }: XrRigProps) {
  const { localPlayer, store } = useServices();
  const rig = useMemo(() => given ?? createXrRigState(), [given]);
  // NOTE: a visitor who enters the arena in VR starts at a shelf; one who puts the headset on in the arena stays put.
  const spawnAtShelf = useRef(store.getState().phase !== 'arena' || !localPlayer.placed);
  const origin = useRef<Group>(null);
  const left = useRef<Group>(null);
  const right = useRef<Group>(null);
  const rightRay = useRef<Group>(null);
  const motion = useRef(0);
  const sources = useXRInputSourceStates();

  useEffect(
    () => () => {
      // NOTE: after the session the visitor walks on from where their head was; hands are gone.
      localPlayer.hands.left = null;
      localPlayer.hands.right = null;
      rig.placed = false;
    },
    [localPlayer, rig],
  );

  useFrame((state) => {
    const group = origin.current;
    if (!group) return;
    const { pose, hands } = localPlayer;
    if (spawnAtShelf.current && store.getState().phase === 'arena') {
      Object.assign(rig, shelfSpawnPoint(Math.floor(Math.random() * 4096)), { placed: true });
      spawnAtShelf.current = false;
    }
    if (!rig.placed) {
      rig.x = pose.x;
      rig.z = pose.z;
      rig.yaw = pose.yaw;
      rig.placed = true;
    }
    // NOTE: a trigger on a product beyond reach asked to go there: in a headset that is a teleport, at once.
    const offered = findProduct(store.getState().catalog, store.getState().reachOfferId);
    if (offered) {
      const target = approachPose(offered.shelf.index, offered.shelf.slot);
      if (target) teleportRig(rig, pose, target);
      store.getState().offerReach(null);
      store.getState().setFarProduct(null);
    }
    group.position.set(rig.x, 0, rig.z);
    group.rotation.set(0, rig.yaw, 0);
    group.updateMatrixWorld();
    const head = state.gl.xr.getCamera();
    head.getWorldPosition(scratchPosition);
    head.getWorldQuaternion(scratchQuaternion);
    scratchEuler.setFromQuaternion(scratchQuaternion, 'YXZ');
    pose.x = scratchPosition.x;
    pose.y = scratchPosition.y;
    pose.z = scratchPosition.z;
    pose.yaw = scratchEuler.y;
    pose.pitch = scratchEuler.x;
    hands.left = writeHand(left.current, hands.left);
    hands.right = writeHand(right.current, hands.right);
    localPlayer.placed = true;
  }, FRAME.rig);

  const tracked = sources.filter((s) => s.type === 'controller' || s.type === 'hand');
  const spaceOf = (handedness: XRHandedness) => {
    const source = tracked.find((s) => s.inputSource.handedness === handedness)?.inputSource;
    return source ? (source.gripSpace ?? source.targetRaySpace) : undefined;
  };
  const leftSpace = spaceOf('left');
  const rightSpace = spaceOf('right');
  const rightRaySpace = tracked.find((s) => s.inputSource.handedness === 'right')?.inputSource.targetRaySpace;
  return (
    <>
      <XROrigin ref={origin}>
        {leftSpace && (
          <XRSpace space={leftSpace}>
            <group ref={left} />
          </XRSpace>
        )}
        {rightSpace && (
          <XRSpace space={rightSpace}>
            <group ref={right} />
          </XRSpace>
        )}
        {rightRaySpace && (
          <XRSpace space={rightRaySpace}>
            <group ref={rightRay} />
          </XRSpace>
        )}
      </XROrigin>
      <XrLocomotion
        rig={rig}
        aim={rightRay}
        onMotion={(m) => {
          motion.current = m;
        }}
      />
      <XrMenuButton />
      <XrPushToTalk />
      <ComfortVignette strength={motion} />
    </>
  );
}
