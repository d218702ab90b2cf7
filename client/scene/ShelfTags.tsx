import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { InstancedBufferAttribute, Matrix4, PlaneGeometry, Quaternion, Vector3, type InstancedMesh } from 'three';
import { SHELVES, slotOffset, type ShelfLayout } from '../../shared/arena.ts';
import type { Product } from '../../shared/catalog.ts';
import type { AppState } from '../state/createAppStore.ts';
import { useApp, useServices } from '../state/context.tsx';
import { ATLAS_CELL, createAtlasMaterial } from './atlasMaterial.ts';
import { cellOffset } from './canvasAtlas.ts';
import { createShelfTagAtlas, drawShelfTag } from './shelfTagAtlas.ts';
import { sameTag, shelfTag, type ShelfTag } from './shelfTagLogic.ts';
import { shownPrice } from '../state/offersSlice.ts';

export type ShelfTagsProps = Omit<ThreeElements['group'], 'ref'>;

/** Tag size (metres, the atlas cell's 4:1) and where it hangs: on the cabinet front, just under the board's lip. */
export const SHELF_TAG = { w: 1, h: 0.25, belowBoard: 0.18, proud: 0.006 } as const;

interface Tagged {
  product: Product;
  shelf: ShelfLayout;
}

const UP = new Vector3(0, 1, 0);

/** The world matrix of a product's tag: centred under its slot on the shelf's front face. */
function tagMatrix(shelf: ShelfLayout, slot: number, out: Matrix4): Matrix4 {
  const position = new Vector3(
    slotOffset(shelf, slot),
    shelf.boardHeight - SHELF_TAG.belowBoard,
    shelf.depth / 2 + SHELF_TAG.proud,
  )
    .applyAxisAngle(UP, shelf.rotationY)
    .add(new Vector3(shelf.x, 0, shelf.z));
  return out.compose(position, new Quaternion().setFromAxisAngle(UP, shelf.rotationY), new Vector3(1, 1, 1));
}

/** Whether a store change can change what a tag says. */
const tagInputsChanged = (s: AppState, prev: AppState) =>
  s.stock !== prev.stock ||
  s.choice !== prev.choice ||
  s.groupBuys !== prev.groupBuys ||
  s.specialPrices !== prev.specialPrices ||
  s.profile.locale !== prev.profile.locale ||
  s.profile.currency !== prev.profile.currency;

/**
 * A shelf tag under every product: name, price in the visitor's currency and live stock of the
 * colourway on show. All tags are cells of one canvas atlas on one InstancedMesh: one draw call.
 * The store is watched outside React; a change redraws only the cells whose text or tone changed.
 */
export function ShelfTags(props: ShelfTagsProps) {
  const { store, serverClock } = useServices();
  const { i18n } = useTranslation();
  const products = useApp((s) => s.catalog?.products);
  const tagged = useMemo<Tagged[]>(
    () =>
      (products ?? []).flatMap((product) => {
        const shelf = SHELVES[product.shelf.index];
        return shelf && product.shelf.slot < shelf.slots ? [{ product, shelf }] : [];
      }),
    [products],
  );
  const atlas = useMemo(() => createShelfTagAtlas(tagged.length), [tagged]);
  const material = useMemo(() => createAtlasMaterial(atlas.texture, atlas.cellUv, {}), [atlas]);
  const geometry = useMemo(() => {
    const g = new PlaneGeometry(SHELF_TAG.w, SHELF_TAG.h);
    const cells = new InstancedBufferAttribute(new Float32Array(Math.max(1, tagged.length) * 2), 2);
    const uv: [number, number] = [0, 0];
    for (let i = 0; i < tagged.length; i++) cells.setXY(i, ...cellOffset(atlas, i, uv));
    return g.setAttribute(ATLAS_CELL, cells);
  }, [atlas, tagged]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
      atlas.texture.dispose();
    },
    [geometry, material, atlas],
  );

  const mesh = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    const matrix = new Matrix4();
    tagged.forEach(({ product, shelf }, i) => {
      m.setMatrixAt(i, tagMatrix(shelf, product.shelf.slot, matrix));
    });
    m.instanceMatrix.needsUpdate = true;
    m.computeBoundingSphere();
    // NOTE: the mesh is remade (keyed by geometry) exactly when `tagged` changes, so this runs for each new mesh.
  }, [tagged]);

  useEffect(() => {
    const shown: (ShelfTag | undefined)[] = [];
    const redraw = (s: AppState) => {
      const { locale, currency } = s.profile;
      const t = i18n.getFixedT(locale);
      const serverNowMs = serverClock.now();
      let changed = false;
      tagged.forEach(({ product }, i) => {
        const chosenColourwayId = s.choice[product.id]?.colourwayId;
        const groupBuy = s.groupBuys[product.id];
        const price = shownPrice(s.specialPrices, product, currency, serverNowMs);
        const tag = shelfTag(
          { product, stock: s.stock, chosenColourwayId, locale, currency, groupBuy, price, serverNowMs },
          (key, params) => t(key, params),
        );
        if (sameTag(shown[i], tag)) return;
        drawShelfTag(atlas, i, tag);
        shown[i] = tag;
        changed = true;
      });
      if (changed) atlas.texture.needsUpdate = true;
    };
    redraw(store.getState());
    // NOTE: an offer's countdown and a special price's end change a tag with no store change: a redraw
    // each second while one shows (only cells whose text changed are painted again).
    const clock = setInterval(() => {
      if (Object.keys(store.getState().specialPrices).length > 0 || shown.some((tag) => tag?.special)) redraw(store.getState());
    }, 1000);
    const unsubscribe = store.subscribe((s, prev) => {
      if (tagInputsChanged(s, prev)) redraw(s);
    });
    return () => {
      clearInterval(clock);
      unsubscribe();
    };
  }, [store, serverClock, i18n, atlas, tagged]);

  if (tagged.length === 0) return null;
  return (
    <group {...props}>
      <instancedMesh key={geometry.uuid} ref={mesh} args={[geometry, material, tagged.length]} />
    </group>
  );
}
