import { useEffect, useRef } from 'react';
import { ARENA } from '../../../shared/arena.ts';
import type { Pose } from '../../../shared/pose.ts';
import { useServices } from '../../state/context.tsx';
import { MINI_MAP, miniMapPoint, miniMapShelves } from './squadLogic.ts';

/** Redraws per second: enough to follow walking squad mates, cheap beside the 3D frame. */
const REDRAW_HZ = 4;

export interface SquadMiniMapProps {
  /** Squad mates in this shard (session id and colour); this visitor is drawn from the local pose. */
  mates: readonly { sessionId: string; color: string }[];
  selfColor: string;
  label: string;
}

/**
 * A top-down map of the floor with the shelves and a dot per squad mate, redrawn a few times a
 * second from the pose buffers (outside React state: positions never re-render the panel).
 */
export function SquadMiniMap({ mates, selfColor, label }: SquadMiniMapProps) {
  const { remotePoses, localPlayer } = useServices();
  const canvas = useRef<HTMLCanvasElement>(null);
  const latest = useRef(mates);
  latest.current = mates;

  useEffect(() => {
    const g = canvas.current?.getContext('2d');
    if (!g) return;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    g.canvas.width = MINI_MAP.width * ratio;
    g.canvas.height = MINI_MAP.height * ratio;
    g.scale(ratio, ratio);
    const shelves = miniMapShelves();
    const pose: Pose = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
    const at = { x: 0, y: 0 };
    const dot = (x: number, z: number, color: string, ring: boolean) => {
      miniMapPoint(x, z, at);
      g.beginPath();
      g.arc(at.x, at.y, ring ? 5 : 4, 0, Math.PI * 2);
      g.fillStyle = color;
      g.fill();
      g.lineWidth = ring ? 2 : 1;
      g.strokeStyle = ring ? '#ffffff' : 'rgba(0,0,0,0.6)';
      g.stroke();
    };
    const draw = () => {
      g.clearRect(0, 0, MINI_MAP.width, MINI_MAP.height);
      const a = miniMapPoint(-ARENA.floor.halfX, -ARENA.floor.halfZ);
      const b = miniMapPoint(ARENA.floor.halfX, ARENA.floor.halfZ);
      g.fillStyle = 'rgba(255,255,255,0.06)';
      g.strokeStyle = 'rgba(255,255,255,0.25)';
      g.beginPath();
      g.roundRect(a.x, a.y, b.x - a.x, b.y - a.y, 10);
      g.fill();
      g.stroke();
      const c = miniMapPoint(-ARENA.court.length / 2, -ARENA.court.width / 2);
      const d = miniMapPoint(ARENA.court.length / 2, ARENA.court.width / 2);
      g.fillStyle = 'rgba(214,160,96,0.25)';
      g.fillRect(c.x, c.y, d.x - c.x, d.y - c.y);
      g.fillStyle = 'rgba(255,107,26,0.7)';
      for (const s of shelves) g.fillRect(s.x, s.y, s.width, s.height);
      const now = performance.now();
      for (const mate of latest.current) {
        if (remotePoses.sample(mate.sessionId, now, pose)) dot(pose.x, pose.z, mate.color, false);
      }
      if (localPlayer.placed) dot(localPlayer.pose.x, localPlayer.pose.z, selfColor, true);
    };
    draw();
    const timer = setInterval(draw, 1000 / REDRAW_HZ);
    return () => clearInterval(timer);
  }, [remotePoses, localPlayer, selfColor]);

  return (
    <canvas
      ref={canvas}
      className="squad-map"
      data-testid="squad-map"
      role="img"
      aria-label={label}
      style={{ width: MINI_MAP.width, height: MINI_MAP.height }}
    />
  );
}
