import { useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Html } from '@react-three/drei';
import { useTranslation } from 'react-i18next';
import { type Group, Quaternion, Vector3 } from 'three';
import type { Product } from '../../../shared/catalog.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { FRAME } from '../../frame.ts';
import { hotspotPosition, hotspotsFor } from './studioViews.ts';
import { stageLabelsPortal } from '../stageLabels.ts';
import '../../ui/studio/studio.css';

export interface StudioHotspotsProps {
  product: Product;
}

/** Below this cosine between a hotspot's surface and the view, the dot is turned away and hides. */
const FACING_MIN = 0.05;

/**
 * The inspected product's feature hotspots: small DOM buttons pinned to the model (drei Html), each
 * opening its short note. A dot on the far side of the model fades out and can't be clicked.
 * Screens only: a headset has no DOM.
 */
export function StudioHotspots({ product }: StudioHotspotsProps) {
  const { t } = useTranslation();
  const { store } = useServices();
  const open = useApp((s) => s.hotspotId);
  const camera = useThree((s) => s.camera);
  const root = useRef<Group>(null);
  const dots = useRef(new Map<string, HTMLElement>());
  const hotspots = hotspotsFor(product.category);
  const portal = useMemo(stageLabelsPortal, []);
  const scratch = useMemo(
    () => ({ q: new Quaternion(), n: new Vector3(), p: new Vector3(), eye: new Vector3(), d: new Vector3() }),
    [],
  );

  useFrame(() => {
    const g = root.current;
    if (!g) return;
    g.getWorldQuaternion(scratch.q);
    camera.getWorldPosition(scratch.eye);
    for (const h of hotspots) {
      const el = dots.current.get(h.id);
      if (!el) continue;
      scratch.n
        .set(...h.facing)
        .normalize()
        .applyQuaternion(scratch.q);
      scratch.p.set(...hotspotPosition(h, product.dimensions));
      g.localToWorld(scratch.p);
      const facing = scratch.n.dot(scratch.d.copy(scratch.eye).sub(scratch.p).normalize()) > FACING_MIN;
      if (el.dataset.facing !== String(facing)) {
        el.dataset.facing = String(facing);
        el.toggleAttribute('inert', !facing);
      }
    }
  }, FRAME.effects);

  return (
    <group ref={root} name="studio-hotspots">
      {hotspots.map((h) => {
        const shown = open === h.id;
        const title = t(`studio.hotspot.${h.id}.title`);
        return (
          <Html key={h.id} position={hotspotPosition(h, product.dimensions)} zIndexRange={[9, 5]} portal={portal}>
            <div
              className={h.at[0] < 0 ? 'hotspot note-left' : 'hotspot'}
              data-testid={`hotspot-${h.id}`}
              data-facing="true"
              ref={(el) => {
                if (el) dots.current.set(h.id, el);
                else dots.current.delete(h.id);
              }}
            >
              <button
                type="button"
                className="hotspot-dot"
                aria-expanded={shown}
                aria-label={title}
                onClick={() => store.getState().openHotspot(shown ? null : h.id)}
              />
              {shown && (
                <div className="hotspot-note" role="note" data-testid="hotspot-note">
                  <strong>{title}</strong>
                  <span>{t(`studio.hotspot.${h.id}.note`)}</span>
                </div>
              )}
            </div>
          </Html>
        );
      })}
    </group>
  );
}
