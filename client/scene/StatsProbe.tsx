import { useFrame, useThree } from '@react-three/fiber';
import { renderStats } from './renderStats.ts';

/**
 * Publishes draw calls and triangles into `window.__courtsideStats` every frame. three resets
 * `gl.info` at the start of each render, so reading it in useFrame (before this frame's render)
 * gives the complete totals of the previous frame.
 */
export function StatsProbe() {
  const gl = useThree((s) => s.gl);
  useFrame(() => {
    const stats = renderStats();
    stats.calls = gl.info.render.calls;
    stats.triangles = gl.info.render.triangles;
    stats.frames++;
  });
  return null;
}
