import { describe, expect, it } from 'vitest';
import { farthestFirst, TAG, tagLook, tagScreenHeight } from '../../../../../client/scene/avatars/tagLayout.ts';

const look = (d: number) => tagLook(d, { scale: 0, alpha: 0 });

describe('name tags readable at any distance', () => {
  it('keeps its world size up close and one size on screen over mid distances', () => {
    expect(look(1).scale).toBe(1);
    expect(look(TAG.near).scale).toBe(1);
    // 720 px tall, 70° vertical field of view: the same height at 3, 6 and 12 m.
    const atNear = tagScreenHeight(TAG.near, 720, 70);
    for (const d of [4, 6, 9, TAG.near * TAG.maxScale]) expect(tagScreenHeight(d, 720, 70)).toBeCloseTo(atNear, 6);
    // Text of a readable size: the tag (text is about half its height) stays over 20 px tall.
    expect(atNear).toBeGreaterThan(20);
    // Up close it grows on screen rather than blowing past the face.
    expect(tagScreenHeight(1.5, 720, 70)).toBeGreaterThan(atNear);
  });

  it('stops growing past the limit and fades far tags, never to nothing', () => {
    const far = TAG.near * TAG.maxScale;
    expect(look(far * 2).scale).toBe(TAG.maxScale);
    expect(tagScreenHeight(far * 2, 720, 70)).toBeCloseTo(tagScreenHeight(far, 720, 70) / 2, 6);
    expect(look(TAG.fadeStart).alpha).toBe(1);
    expect(look((TAG.fadeStart + TAG.fadeEnd) / 2).alpha).toBeLessThan(1);
    expect(look(TAG.fadeEnd).alpha).toBeCloseTo(TAG.minAlpha, 6);
    expect(look(200).alpha).toBeCloseTo(TAG.minAlpha, 6);
    expect(TAG.minAlpha).toBeGreaterThan(0);
  });

  it('draws the farthest tags first so near ones cover them', () => {
    const distances = new Float32Array([5, 30, 1, 12, 30]);
    const order = new Int32Array(5);
    farthestFirst(distances, 5, order);
    expect([...order].map((i) => distances[i])).toEqual([30, 30, 12, 5, 1]);
    expect(new Set(order).size).toBe(5);
    // Only the first `count` slots take part.
    farthestFirst(distances, 3, order);
    expect([...order.slice(0, 3)]).toEqual([1, 0, 2]);
  });
});
