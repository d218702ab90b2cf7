import type { Pose } from '../../shared/pose.ts';

/** Render remote avatars this far in the past so there are two samples to interpolate between. */
export const INTERPOLATION_DELAY_MS = 120;
const MAX_SAMPLES = 8;

interface Sample {
  t: number;
  pose: Pose;
}

/**
 * Remote visitors' poses, kept outside React: the network layer pushes samples as patches arrive,
 * the avatar renderer samples an interpolated pose each frame (racing-game's `mutation` habit).
 */
export interface RemotePoses {
  /** Records a pose received at local time `t` (ms). */
  push(id: string, pose: Pose, t: number): void;
  remove(id: string): void;
  /** Ids in insertion order; stable between frames so instance slots don't jump. */
  ids(): readonly string[];
  /** Writes the pose of `id` at render time `t` into `out`; returns false if unknown. */
  sample(id: string, t: number, out: Pose): boolean;
  /** Bumped whenever a visitor is added or removed. */
  readonly version: number;
}

const lerpAngle = (a: number, b: number, k: number) => {
  let d = (b - a) % (Math.PI * 2);
  if (d > Math.PI) d -= Math.PI * 2;
  if (d < -Math.PI) d += Math.PI * 2;
  return a + d * k;
};

/** Makes an empty pose buffer. */
export function createRemotePoses(): RemotePoses {
  const samples = new Map<string, Sample[]>();
  let order: string[] = [];
  const buffer: RemotePoses = {
    version: 0,
    push(id, pose, t) {
      let list = samples.get(id);
      if (!list) {
        list = [];
        samples.set(id, list);
        order = [...order, id];
        (buffer as { version: number }).version++;
      }
      list.push({ t, pose: { ...pose } });
      if (list.length > MAX_SAMPLES) list.shift();
    },
    remove(id) {
      if (!samples.delete(id)) return;
      order = order.filter((x) => x !== id);
      (buffer as { version: number }).version++;
    },
    ids: () => order,
    sample(id, t, out) {
      const list = samples.get(id);
      if (!list || list.length === 0) return false;
      const target = t - INTERPOLATION_DELAY_MS;
      let a = list[0]!;
      let b = a;
      for (const s of list) {
        if (s.t <= target) a = s;
        if (s.t >= target) {
          b = s;
          break;
        }
        b = s;
      }
      const span = b.t - a.t;
      const k = span > 0 ? Math.min(1, Math.max(0, (target - a.t) / span)) : 1;
      out.x = a.pose.x + (b.pose.x - a.pose.x) * k;
      out.y = a.pose.y + (b.pose.y - a.pose.y) * k;
      out.z = a.pose.z + (b.pose.z - a.pose.z) * k;
      out.yaw = lerpAngle(a.pose.yaw, b.pose.yaw, k);
      out.pitch = a.pose.pitch + (b.pose.pitch - a.pose.pitch) * k;
      return true;
    },
  };
  return buffer;
}
