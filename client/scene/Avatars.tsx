import { useEffect, useMemo, useRef, useState } from 'react';
import { useFrame, type ThreeElements } from '@react-three/fiber';
import {
  BoxGeometry,
  CapsuleGeometry,
  Color,
  Euler,
  InstancedBufferAttribute,
  type InstancedMesh,
  Matrix4,
  PlaneGeometry,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three';
import { HAND_BIT, HAND_SIDES, type Pose } from '../../shared/pose.ts';
import { useServices } from '../state/context.tsx';
import { createRemoteHands } from '../state/remotePoses.ts';
import { ATLAS_CELL, createAtlasMaterial } from './atlasMaterial.ts';
import { AvatarPart } from './AvatarPart.tsx';
import { cellOffset } from './canvasAtlas.ts';
import { createControllerGeometry } from './controllerGeometry.ts';
import { createNameTagAtlas, drawNameTags } from './nameTagAtlas.ts';
import { resolveLooks, type ResolvedLooks } from './avatarLooks.ts';

export type AvatarsProps = Omit<ThreeElements['group'], 'ref'> & {
  /** Instance slots to start with; doubles whenever more visitors are present. */
  initialCapacity?: number;
};

/** Body parts relative to the eye point, in metres (the pose's y is eye height). */
const PART = {
  head: new Vector3(0, 0.03, 0.02),
  visor: new Vector3(0, 0.02, -0.1),
  body: new Vector3(0, -0.62, 0),
  handL: new Vector3(-0.3, -0.72, -0.18),
  handR: new Vector3(0.3, -0.72, -0.18),
  tag: new Vector3(0, 0.36, 0),
  /** Tried-on shoes, just under the body (the avatar has no legs). */
  shoeL: new Vector3(-0.1, -1.1, -0.04),
  shoeR: new Vector3(0.1, -1.1, -0.04),
} as const;

interface Parts {
  head: InstancedMesh | null;
  visor: InstancedMesh | null;
  body: InstancedMesh | null;
  hands: InstancedMesh | null;
  controllers: InstancedMesh | null;
  tags: InstancedMesh | null;
  shoes: InstancedMesh | null;
}

/**
 * Every remote visitor as head, visor, body, two hands and a billboarded name tag in their colour.
 * A headset visitor's tracked hands are drawn where their controllers are, turned by their
 * quaternions; an untracked hand (every desktop visitor's) is placed from the body as before.
 * The body wears the visitor's jersey colour (or a jersey they try on), the tag shows their jersey
 * number, and shoes they try on stand under the body in the shoes' colourway.
 * One InstancedMesh per part, so 100 visitors cost seven draw calls. Poses are sampled from
 * `remotePoses` in useFrame with preallocated scratch objects: no React state or allocation per frame.
 */
export function Avatars({ initialCapacity = 128, ...props }: AvatarsProps) {
  const { store, remotePoses } = useServices();
  const [capacity, setCapacity] = useState(initialCapacity);
  const parts = useRef<Parts>({ head: null, visor: null, body: null, hands: null, controllers: null, tags: null, shoes: null });
  const geometries = useMemo(
    () => ({
      head: new SphereGeometry(0.13, 12, 8),
      visor: new BoxGeometry(0.2, 0.07, 0.06),
      body: new CapsuleGeometry(0.2, 0.5, 3, 10),
      hand: new SphereGeometry(0.055, 8, 6),
      controller: createControllerGeometry(),
      tag: new PlaneGeometry(1, 1),
      shoe: new BoxGeometry(0.11, 0.08, 0.27),
    }),
    [],
  );
  const atlas = useMemo(() => createNameTagAtlas(capacity), [capacity]);
  const tagMaterial = useMemo(() => createAtlasMaterial(atlas.texture, atlas.cellUv, { billboard: [0.56, 0.14] }), [atlas]);
  const tagCells = useMemo(() => {
    const cells = new InstancedBufferAttribute(new Float32Array(capacity * 2), 2);
    geometries.tag.setAttribute(ATLAS_CELL, cells);
    return cells;
  }, [capacity, geometries]);
  // Which visitor each slot showed last frame, so colours and tag cells are only rewritten on change.
  const slotIds = useMemo<(string | null)[]>(() => new Array<string | null>(capacity).fill(null), [capacity]);
  // Tracked hands are packed (only drawn ones count); which visitor each controller slot showed last frame.
  const controllerIds = useMemo<(string | null)[]>(() => new Array<string | null>(capacity * 2).fill(null), [capacity]);
  // Shoes are packed too (only visitors trying shoes on count); which visitor each pair slot showed last frame.
  const shoeIds = useMemo<(string | null)[]>(() => new Array<string | null>(capacity).fill(null), [capacity]);
  // Each visitor's looks, resolved against the catalog when the visitor list or anyone's looks change.
  const looks = useMemo(() => new Map<string, ResolvedLooks>(), []);

  useEffect(
    () => () => {
      for (const g of Object.values(geometries)) g.dispose();
    },
    [geometries],
  );
  useEffect(
    () => () => {
      atlas.texture.dispose();
      tagMaterial.dispose();
    },
    [atlas, tagMaterial],
  );

  // The atlas is redrawn only when the visitor list (names, colours) changes.
  useEffect(() => {
    const redraw = () => {
      const { visitors, selfId, remoteLooks, catalog } = store.getState();
      looks.clear();
      const others = Object.values(visitors).filter((v) => v.id !== selfId);
      for (const v of others) looks.set(v.id, resolveLooks(v, remoteLooks[v.id], catalog));
      drawNameTags(
        atlas,
        others.map((v) => ({ ...v, name: looks.get(v.id)?.label ?? v.name })),
      );
      slotIds.fill(null);
      controllerIds.fill(null);
      shoeIds.fill(null);
    };
    redraw();
    return store.subscribe((s, prev) => {
      if (
        s.visitors !== prev.visitors ||
        s.selfId !== prev.selfId ||
        s.remoteLooks !== prev.remoteLooks ||
        s.catalog !== prev.catalog
      ) {
        redraw();
      }
    });
  }, [store, atlas, slotIds, controllerIds, shoeIds, looks]);

  const scratch = useMemo(
    () => ({
      pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 } as Pose,
      hands: createRemoteHands(),
      hidden: new Matrix4().makeScale(0, 0, 0),
      root: new Matrix4(),
      head: new Matrix4(),
      part: new Matrix4(),
      offset: new Matrix4(),
      q: new Quaternion(),
      euler: new Euler(0, 0, 0, 'YXZ'),
      pos: new Vector3(),
      one: new Vector3(1, 1, 1),
      zero: new Vector3(0, 0, 0),
      color: new Color(),
      uv: [0, 0] as [number, number],
    }),
    [],
  );

  useFrame(() => {
    const { head, visor, body, hands, controllers, tags, shoes } = parts.current;
    if (!head || !visor || !body || !hands || !controllers || !tags || !shoes) return;
    const { selfId, visitors } = store.getState();
    const ids = remotePoses.ids();
    const now = performance.now();
    const s = scratch;
    let n = 0;
    let m = 0;
    let f = 0;
    for (const id of ids) {
      if (id === selfId || !remotePoses.sample(id, now, s.pose, s.hands)) continue;
      if (n >= capacity) {
        setCapacity(capacity * 2);
        break;
      }
      const p = s.pose;
      // Body, hands and tag turn with yaw only; the head also pitches.
      s.q.setFromEuler(s.euler.set(0, p.yaw, 0));
      s.root.compose(s.pos.set(p.x, p.y, p.z), s.q, s.one);
      s.q.setFromEuler(s.euler.set(p.pitch, p.yaw, 0));
      s.head.compose(s.pos.set(p.x, p.y, p.z).add(PART.head), s.q, s.one);
      head.setMatrixAt(n, s.head);
      visor.setMatrixAt(n, s.part.multiplyMatrices(s.head, s.offset.makeTranslation(PART.visor)));
      body.setMatrixAt(n, s.part.multiplyMatrices(s.root, s.offset.makeTranslation(PART.body)));
      const tracked = s.hands.mask;
      hands.setMatrixAt(
        n * 2,
        tracked & HAND_BIT.left ? s.hidden : s.part.multiplyMatrices(s.root, s.offset.makeTranslation(PART.handL)),
      );
      hands.setMatrixAt(
        n * 2 + 1,
        tracked & HAND_BIT.right ? s.hidden : s.part.multiplyMatrices(s.root, s.offset.makeTranslation(PART.handR)),
      );
      for (const side of HAND_SIDES) {
        if (!(tracked & HAND_BIT[side])) continue;
        const h = s.hands[side];
        controllers.setMatrixAt(m, s.part.compose(s.pos.set(h.x, h.y, h.z), s.q.set(h.qx, h.qy, h.qz, h.qw), s.one));
        if (controllerIds[m] !== id) {
          controllerIds[m] = id;
          controllers.setColorAt(m, s.color.set(visitors[id]?.color ?? '#9aa0a6'));
          if (controllers.instanceColor) controllers.instanceColor.needsUpdate = true;
        }
        m++;
      }
      const look = looks.get(id);
      if (look?.shoes) {
        shoes.setMatrixAt(f * 2, s.part.multiplyMatrices(s.root, s.offset.makeTranslation(PART.shoeL)));
        shoes.setMatrixAt(f * 2 + 1, s.part.multiplyMatrices(s.root, s.offset.makeTranslation(PART.shoeR)));
        if (shoeIds[f] !== id) {
          shoeIds[f] = id;
          s.color.set(look.shoes);
          shoes.setColorAt(f * 2, s.color);
          shoes.setColorAt(f * 2 + 1, s.color);
          if (shoes.instanceColor) shoes.instanceColor.needsUpdate = true;
        }
        f++;
      }
      const cell = atlas.cells.get(id);
      tags.setMatrixAt(
        n,
        s.part.compose(s.pos.set(p.x, p.y, p.z).add(PART.tag), s.q.identity(), cell === undefined ? s.zero : s.one),
      );
      if (slotIds[n] !== id) {
        slotIds[n] = id;
        s.color.set(look?.skin ?? visitors[id]?.color ?? '#9aa0a6');
        head.setColorAt(n, s.color);
        hands.setColorAt(n * 2, s.color);
        hands.setColorAt(n * 2 + 1, s.color);
        body.setColorAt(n, s.color.set(look?.body ?? visitors[id]?.color ?? '#9aa0a6'));
        cellOffset(atlas, cell ?? 0, s.uv);
        tagCells.setXY(n, s.uv[0], s.uv[1]);
        tagCells.needsUpdate = true;
        if (head.instanceColor) head.instanceColor.needsUpdate = true;
        if (body.instanceColor) body.instanceColor.needsUpdate = true;
        if (hands.instanceColor) hands.instanceColor.needsUpdate = true;
      }
      n++;
    }
    head.count = visor.count = body.count = tags.count = n;
    hands.count = n * 2;
    controllers.count = m;
    shoes.count = f * 2;
    shoes.instanceMatrix.needsUpdate = true;
    controllers.instanceMatrix.needsUpdate = true;
    head.instanceMatrix.needsUpdate = true;
    visor.instanceMatrix.needsUpdate = true;
    body.instanceMatrix.needsUpdate = true;
    hands.instanceMatrix.needsUpdate = true;
    tags.instanceMatrix.needsUpdate = true;
  });

  /** Stores a mounted part for the per-frame writer. */
  const keep = (part: keyof Parts) => (mesh: InstancedMesh | null) => {
    parts.current[part] = mesh;
  };

  return (
    <group {...props}>
      <AvatarPart
        key={`h${capacity}`}
        geometry={geometries.head}
        count={capacity}
        colored
        name="avatar-heads"
        onMesh={keep('head')}
      >
        <meshLambertMaterial />
      </AvatarPart>
      <AvatarPart key={`v${capacity}`} geometry={geometries.visor} count={capacity} onMesh={keep('visor')}>
        <meshBasicMaterial color="#16181d" />
      </AvatarPart>
      <AvatarPart key={`b${capacity}`} geometry={geometries.body} count={capacity} colored onMesh={keep('body')}>
        <meshLambertMaterial />
      </AvatarPart>
      <AvatarPart key={`k${capacity}`} geometry={geometries.hand} count={capacity * 2} colored onMesh={keep('hands')}>
        <meshLambertMaterial />
      </AvatarPart>
      <AvatarPart
        key={`c${capacity}`}
        geometry={geometries.controller}
        count={capacity * 2}
        colored
        name="avatar-controllers"
        onMesh={keep('controllers')}
      >
        <meshLambertMaterial />
      </AvatarPart>
      <AvatarPart key={`s${capacity}`} geometry={geometries.shoe} count={capacity * 2} colored onMesh={keep('shoes')}>
        <meshLambertMaterial />
      </AvatarPart>
      <AvatarPart
        key={`t${capacity}`}
        geometry={geometries.tag}
        count={capacity}
        material={tagMaterial}
        renderOrder={10}
        onMesh={keep('tags')}
      />
    </group>
  );
}
