import { HAND_BIT, HAND_SIDES, type HandPose, type Hands, type Pose } from '../../shared/pose.ts';
import { slerpInto } from '../../shared/quaternion.ts';

/** Render remote avatars this far in the past so there are two samples to interpolate between. */
export const INTERPOLATION_DELAY_MS = 120;
const MAX_SAMPLES = 8;

/** A remote visitor's sampled hands: which are tracked (`HAND_BIT` bits) and where. Reused each frame. */
export interface RemoteHands {
  mask: number;
  left: HandPose;
  right: HandPose;
}

const handPose = (): HandPose => ({ x: 0, y: 0, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 });

/** Makes an empty {@link RemoteHands} to sample into. */
export function createRemoteHands(): RemoteHands {
  return { mask: 0, left: handPose(), right: handPose() };
}

interface Sample extends RemoteHands {
  t: number;
  pose: Pose;
}

/**
 * Remote visitors' poses, kept outside React: the network layer pushes samples as patches arrive,
 * the avatar renderer samples an interpolated pose each frame (racing-game's `mutation` habit).
 */
export interface RemotePoses {
  /**
   * Records a pose (and the hands, if tracked) for local time `t` (ms); copies, keeps no reference.
   * Samples scheduled after `t` are dropped.
   */
  push(id: string, pose: Pose, t: number, hands?: Hands): void;
  remove(id: string): void;
  /** Ids in insertion order; stable between frames so instance slots don't jump. */
  ids(): readonly string[];
  /**
   * Writes the pose of `id` at render time `t` into `out`, and its hands into `hands` when given
   * (positions lerped, rotations slerped); returns false if unknown.
   */
  sample(id: string, t: number, out: Pose, hands?: RemoteHands): boolean;
  /** Bumped whenever a visitor is added or removed. */
  readonly version: number;
}

const lerpAngle = (a: number, b: number, k: number) => {
  let d = (b - a) % (Math.PI * 2);
  if (d > Math.PI) d -= Math.PI * 2;
  if (d < -Math.PI) d += Math.PI * 2;
  return a + d * k;
};

const copyHand = (from: HandPose, to: HandPose) => {
  to.x = from.x;
  to.y = from.y;
  to.z = from.z;
  to.qx = from.qx;
  to.qy = from.qy;
  to.qz = from.qz;
  to.qw = from.qw;
};

const lerpHand = (a: HandPose, b: HandPose, k: number, out: HandPose) => {
  out.x = a.x + (b.x - a.x) * k;
  out.y = a.y + (b.y - a.y) * k;
  out.z = a.z + (b.z - a.z) * k;
  slerpInto(a, b, k, out);
};

/** Hands of the sample nearer in time; a hand tracked in both samples is interpolated. */
function sampleHands(a: Sample, b: Sample, k: number, out: RemoteHands) {
  const near = k < 0.5 ? a : b;
  out.mask = near.mask;
  for (const side of HAND_SIDES) {
    const bit = HAND_BIT[side];
    if (!(near.mask & bit)) continue;
    if (a.mask & b.mask & bit) lerpHand(a[side], b[side], k, out[side]);
    else copyHand(near[side], out[side]);
  }
}

/** Makes an empty pose buffer. */
export function createRemotePoses(): RemotePoses {
  const samples = new Map<string, Sample[]>();
  let order: string[] = [];
  const buffer: RemotePoses = {
    version: 0,
    push(id, pose, t, hands) {
      let list = samples.get(id);
      if (!list) {
        list = [];
        samples.set(id, list);
        order = [...order, id];
        (buffer as { version: number }).version++;
      }
      // NOTE: a far pose is scheduled ahead (client/net/poseFeed.ts); a sample older than it replaces it, so times stay in order.
      while (list.length > 0 && list[list.length - 1]!.t > t) list.pop();
      // NOTE: the oldest sample is recycled once the buffer is full, so steady traffic allocates nothing.
      const s: Sample =
        list.length >= MAX_SAMPLES
          ? list.shift()!
          : { t: 0, pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 }, ...createRemoteHands() };
      s.t = t;
      Object.assign(s.pose, pose);
      s.mask = 0;
      if (hands?.left) {
        s.mask |= HAND_BIT.left;
        copyHand(hands.left, s.left);
      }
      if (hands?.right) {
        s.mask |= HAND_BIT.right;
        copyHand(hands.right, s.right);
      }
      list.push(s);
    },
    remove(id) {
      if (!samples.delete(id)) return;
      order = order.filter((x) => x !== id);
      (buffer as { version: number }).version++;
    },
    ids: () => order,
    sample(id, t, out, hands) {
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
      if (hands) sampleHands(a, b, k, hands);
      return true;
    },
  };
  return buffer;
}
