import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ARENA, SHELVES } from '../../../shared/arena.ts';
import type { Pose } from '../../../shared/pose.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { shelfFootprint } from '../../xr/collision.ts';
import { concourseShelves } from './concourseMap.ts';

/** Redraws per second of the dots: enough to follow walking people, nothing beside the 3D frame. */
const REDRAW_HZ = 4;
const { halfX, halfZ, cornerRadius } = ARENA.floor;
const VIEW = `${-halfX - 1} ${-halfZ - 1} ${2 * halfX + 2} ${2 * halfZ + 2}`;

/**
 * A map of the concourse floor (an SVG in metres, +x right, +z down): the court, each shelf named by
 * its category, "you are here" and squad friends in the arena. Dots move by attribute writes a few
 * times a second, never through React state.
 */
export function ConcourseMap() {
  const { t } = useTranslation();
  const { localPlayer, remotePoses } = useServices();
  const catalog = useApp((s) => s.catalog);
  const squad = useApp((s) => s.squad);
  const friends = (squad?.members ?? []).flatMap((m) =>
    !m.self && m.sessionId ? [{ id: m.sessionId, name: m.name, color: m.color }] : [],
  );
  const me = useRef<SVGGElement>(null);
  const dots = useRef(new Map<string, SVGCircleElement>());
  const shelves = concourseShelves(catalog);

  useEffect(() => {
    const pose: Pose = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
    const draw = () => {
      const { x, z, yaw } = localPlayer.pose;
      // NOTE: yaw 0 looks down -z (up on the map); SVG rotates clockwise, yaw turns counter-clockwise.
      me.current?.setAttribute('transform', `translate(${x} ${z}) rotate(${(-yaw * 180) / Math.PI})`);
      const now = performance.now();
      for (const [id, dot] of dots.current) {
        const seen = remotePoses.sample(id, now, pose);
        dot.setAttribute('visibility', seen ? 'visible' : 'hidden');
        if (seen) {
          dot.setAttribute('cx', String(pose.x));
          dot.setAttribute('cy', String(pose.z));
        }
      }
    };
    draw();
    const timer = setInterval(draw, 1000 / REDRAW_HZ);
    return () => clearInterval(timer);
  }, [localPlayer, remotePoses]);

  return (
    <figure className="concourse-map" data-testid="concourse-map">
      <svg viewBox={VIEW} role="img" aria-labelledby="concourse-map-title">
        <title id="concourse-map-title">{t('directory.mapLabel')}</title>
        <rect x={-halfX} y={-halfZ} width={2 * halfX} height={2 * halfZ} rx={cornerRadius} className="map-floor" />
        <rect
          x={-ARENA.court.length / 2}
          y={-ARENA.court.width / 2}
          width={ARENA.court.length}
          height={ARENA.court.width}
          className="map-court"
        />
        {SHELVES.map((shelf) => {
          const f = shelfFootprint(shelf);
          const label = shelves.get(shelf.index);
          return (
            <g key={shelf.index} data-testid="map-shelf" data-category={label ?? ''}>
              <rect x={f.minX} y={f.minZ} width={f.maxX - f.minX} height={f.maxZ - f.minZ} className="map-shelf" />
              <text x={shelf.x} y={shelf.z + (shelf.z < 0 ? 2.6 : -1.6)} className="map-label" textAnchor="middle">
                {label ? t(`category.${label}`) : ''}
              </text>
            </g>
          );
        })}
        {friends.map((f) => (
          <circle
            key={f.id}
            ref={(el) => {
              if (el) dots.current.set(f.id, el);
              else dots.current.delete(f.id);
            }}
            r={0.8}
            fill={f.color}
            className="map-friend"
            visibility="hidden"
          />
        ))}
        <g ref={me} data-testid="map-you">
          <circle r={0.9} className="map-you" />
          <path d="M0 -2.2 L0.8 -0.7 L-0.8 -0.7 Z" className="map-you" />
        </g>
      </svg>
      <figcaption>
        <span className="map-key">
          <i className="map-key-you" aria-hidden="true" /> {t('directory.youAreHere')}
        </span>
        {friends.map((f) => (
          <span key={f.id} className="map-key">
            <i style={{ background: f.color }} aria-hidden="true" /> {f.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
