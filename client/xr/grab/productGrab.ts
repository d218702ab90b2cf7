import { Quaternion, Vector3 } from 'three';
import { heldPose, holdOffset, type Pose, RETURN_SECONDS, returnPose, returnProgress, twoHandScale } from './grabLogic.ts';

/** A hand (grab pointer) in world space. */
export interface HandPose {
  position: Vector3;
  quaternion: Quaternion;
}

interface Held {
  productId: string;
  /** Up to two hands by pointer id, in the order they took hold; the first one carries the product. */
  hands: Map<number, HandPose>;
  offset: { position: Vector3; quaternion: Quaternion };
  startScale: number;
  startDistance: number;
  pose: Pose;
}

interface Returning {
  from: Pose;
  elapsed: number;
}

/** Per-frame grab state of the shelf products, kept outside React (pointer events write, a frame loop reads). */
export interface ProductGrab {
  /** A hand takes a product at its current pose. False when another product is already held. */
  grab(productId: string, pointerId: number, hand: HandPose, current: Pose): boolean;
  /** A holding hand moved. */
  move(pointerId: number, hand: HandPose): void;
  /** A hand lets go; when no hand holds the product any more it starts flying back to its slot. */
  release(pointerId: number): void;
  /** The product held now, if any. */
  heldProductId(): string | null;
  /** Whether this pointer holds a product. */
  holds(pointerId: number): boolean;
  /**
   * Advances by `delta` seconds and calls `apply` with the pose of every product that is held or
   * on its way back (the last call for a returning product gives exactly its slot pose).
   */
  step(delta: number, apply: (productId: string, pose: Pose) => void): void;
}

const clonePose = (p: Pose): Pose => ({ position: p.position.clone(), quaternion: p.quaternion.clone(), scale: p.scale });
const cloneHand = (h: HandPose): HandPose => ({ position: h.position.clone(), quaternion: h.quaternion.clone() });

/**
 * Makes the grab state for shelf products. `slotOf` gives a product's home pose on its shelf
 * (in the same space as the hands), where a released product returns.
 */
export function createProductGrab(slotOf: (productId: string) => Pose | undefined, returnSeconds = RETURN_SECONDS): ProductGrab {
  let held: Held | null = null;
  const returning = new Map<string, Returning>();
  const scratch: Pose = { position: new Vector3(), quaternion: new Quaternion(), scale: 1 };

  const handsOf = (h: Held) => [...h.hands.values()];
  const restartHold = (h: Held) => {
    const [first, second] = handsOf(h);
    if (!first) return;
    h.offset = holdOffset(first, h.pose);
    h.startScale = h.pose.scale;
    h.startDistance = second ? first.position.distanceTo(second.position) : 0;
  };

  return {
    grab(productId, pointerId, hand, current) {
      if (held && held.productId !== productId) return false;
      if (held?.hands.has(pointerId)) return true;
      if (held && held.hands.size >= 2) return false;
      returning.delete(productId);
      if (!held) {
        held = {
          productId,
          hands: new Map(),
          offset: { position: new Vector3(), quaternion: new Quaternion() },
          startScale: current.scale,
          startDistance: 0,
          pose: clonePose(current),
        };
      }
      held.hands.set(pointerId, cloneHand(hand));
      restartHold(held);
      return true;
    },
    move(pointerId, hand) {
      const h = held?.hands.get(pointerId);
      if (!h) return;
      h.position.copy(hand.position);
      h.quaternion.copy(hand.quaternion);
    },
    release(pointerId) {
      if (!held?.hands.delete(pointerId)) return;
      if (held.hands.size > 0) {
        restartHold(held);
        return;
      }
      returning.set(held.productId, { from: clonePose(held.pose), elapsed: 0 });
      held = null;
    },
    heldProductId: () => held?.productId ?? null,
    holds: (pointerId) => held?.hands.has(pointerId) ?? false,
    step(delta, apply) {
      if (held) {
        const [first, second] = handsOf(held);
        if (first) {
          heldPose(first, held.offset, held.pose);
          if (second) {
            held.pose.scale = twoHandScale(held.startScale, held.startDistance, first.position.distanceTo(second.position));
          }
          apply(held.productId, held.pose);
        }
      }
      for (const [productId, r] of returning) {
        const slot = slotOf(productId);
        r.elapsed += delta;
        const progress = slot ? returnProgress(r.elapsed, returnSeconds) : 1;
        if (slot) apply(productId, returnPose(r.from, slot, progress, scratch));
        if (progress >= 1) returning.delete(productId);
      }
    },
  };
}
