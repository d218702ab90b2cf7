import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { Pose } from '../../../shared/pose.ts';
import { createRemoteHands, type RemotePoses, type RemoteHands } from '../../state/remotePoses.ts';
import type { RemoteVisitor } from '../../state/presenceSlice.ts';
import type { ResolvedLooks } from '../avatarLooks.ts';
import { type BodyPose, createBodyPose, layoutBody } from './bodyLayout.ts';

/**
 * The head and the name tag relative to the eye point, in metres (the pose's y is eye height); the
 * rest of the body is laid out from the pose by bodyLayout.ts.
 */
export const PART = {
  head: new Vector3(0, 0.03, 0.02),
  tag: new Vector3(0, 0.36, 0),
} as const;

/** The colour of a visitor the store does not know (yet). */
export const UNKNOWN_COLOUR = '#9aa0a6';

/** Each visitor's looks, resolved against the catalog; `version` moves on every redraw of the name tags. */
export interface AvatarLooks {
  byId: Map<string, ResolvedLooks>;
  version: number;
}

/**
 * This frame's remote avatars, sampled once for every part to read: slot `i < count` is visitor
 * `ids[i]`, standing at `roots[i]` (turned by yaw only) with its head at `heads[i]` (yaw and pitch).
 * Preallocated for `capacity` slots; nothing is allocated per frame.
 */
export interface AvatarFrame {
  readonly capacity: number;
  count: number;
  /** Set when more visitors were drawable than there are slots: the parts' meshes must grow. */
  overflow: boolean;
  readonly ids: (string | null)[];
  readonly poses: Pose[];
  readonly hands: RemoteHands[];
  readonly roots: Matrix4[];
  readonly heads: Matrix4[];
  /** Each avatar's torso, limbs, shoes and jersey numbers, laid out from its pose and hands. */
  readonly bodies: BodyPose[];
  /** The store's visitors when sampled (for their colours). */
  visitors: Readonly<Record<string, RemoteVisitor>>;
}

/** Makes an empty frame of `capacity` slots. */
export function createAvatarFrame(capacity: number): AvatarFrame {
  const slots = <T>(make: () => T) => Array.from({ length: capacity }, make);
  return {
    capacity,
    count: 0,
    overflow: false,
    ids: slots<string | null>(() => null),
    poses: slots<Pose>(() => ({ x: 0, y: 0, z: 0, yaw: 0, pitch: 0 })),
    hands: slots(createRemoteHands),
    roots: slots(() => new Matrix4()),
    heads: slots(() => new Matrix4()),
    bodies: slots(createBodyPose),
    visitors: {},
  };
}

const scratch = {
  pose: { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 } as Pose,
  hands: createRemoteHands(),
  q: new Quaternion(),
  euler: new Euler(0, 0, 0, 'YXZ'),
  pos: new Vector3(),
  one: new Vector3(1, 1, 1),
};

/** A visitor's own offset into the idle sway, in seconds, so a crowd does not breathe in step. */
export function idlePhase(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return ((h >>> 0) % 1000) / 100;
}

/**
 * Samples every remote visitor but `selfId` at `now` into `frame`, in `remotePoses` order. A visitor
 * with no pose yet is skipped; each drawn one's body is laid out (bodyLayout.ts); one more drawable visitor than the slots hold sets `overflow` and stops.
 */
export function sampleAvatars(
  frame: AvatarFrame,
  remotePoses: RemotePoses,
  selfId: string | null,
  visitors: Readonly<Record<string, RemoteVisitor>>,
  now: number,
): void {
  const s = scratch;
  let n = 0;
  frame.overflow = false;
  frame.visitors = visitors;
  for (const id of remotePoses.ids()) {
    if (id === selfId) continue;
    if (n >= frame.capacity) {
      // NOTE: grow only for a visitor who would be drawn, as the slots would have been.
      if (remotePoses.sample(id, now, s.pose, s.hands)) {
        frame.overflow = true;
        break;
      }
      continue;
    }
    const p = frame.poses[n]!;
    if (!remotePoses.sample(id, now, p, frame.hands[n])) continue;
    frame.ids[n] = id;
    s.q.setFromEuler(s.euler.set(0, p.yaw, 0));
    frame.roots[n]!.compose(s.pos.set(p.x, p.y, p.z), s.q, s.one);
    s.q.setFromEuler(s.euler.set(p.pitch, p.yaw, 0));
    frame.heads[n]!.compose(s.pos.set(p.x, p.y, p.z).add(PART.head), s.q, s.one);
    layoutBody(p, frame.hands[n]!, now / 1000 + idlePhase(id), frame.bodies[n]!);
    n++;
  }
  frame.count = n;
}

/** Which visitor each instance slot of one mesh showed last, so its colours are rewritten only on change. */
export interface ShownSlots {
  ids: (string | null)[];
  version: number;
}

/** Makes the record for a mesh of `size` instances. */
export function createShownSlots(size: number): ShownSlots {
  return { ids: new Array<string | null>(size).fill(null), version: -1 };
}

/**
 * Whether instance `slot` now shows a different visitor than last frame (and records `id`). Every
 * slot counts as changed once after the looks change, so colours follow a new jersey or try-on.
 */
export function slotChanged(shown: ShownSlots, looks: AvatarLooks, slot: number, id: string): boolean {
  if (shown.version !== looks.version) {
    shown.ids.fill(null);
    shown.version = looks.version;
  }
  if (shown.ids[slot] === id) return false;
  shown.ids[slot] = id;
  return true;
}
