import { describe, expect, it } from 'vitest';
import { Vector3 } from 'three';
import { createSweepGeometry, DEFAULT_SWEEP, sweepProfile } from '../../../../../client/scene/studio/sweepGeometry.ts';

describe('studio sweep', () => {
  it('runs from the floor in front, round the curve, up to the top of the back wall', () => {
    const profile = sweepProfile(DEFAULT_SWEEP);
    expect(profile[0]).toEqual([DEFAULT_SWEEP.front, 0, 0, 1]);
    expect(profile.at(-1)).toEqual([DEFAULT_SWEEP.back, DEFAULT_SWEEP.height, 1, 0]);
    for (let i = 1; i < profile.length; i++) {
      const [z0, y0] = profile[i - 1]!;
      const [z1, y1] = profile[i]!;
      expect(z1).toBeLessThanOrEqual(z0 + 1e-9); // always going back…
      expect(y1).toBeGreaterThanOrEqual(y0 - 1e-9); // …and up, with no gap at the curve
      expect(Math.hypot(z1 - z0, y1 - y0)).toBeLessThan(DEFAULT_SWEEP.height);
    }
  });

  it('faces every triangle toward the product (front faces and normals point into the studio)', () => {
    const g = createSweepGeometry();
    const pos = g.getAttribute('position');
    const nrm = g.getAttribute('normal');
    const index = g.getIndex()!;
    const [a, b, c, n] = [new Vector3(), new Vector3(), new Vector3(), new Vector3()];
    for (let i = 0; i < index.count; i += 3) {
      a.fromBufferAttribute(pos, index.getX(i));
      b.fromBufferAttribute(pos, index.getX(i + 1));
      c.fromBufferAttribute(pos, index.getX(i + 2));
      const face = b.clone().sub(a).cross(c.clone().sub(a));
      n.fromBufferAttribute(nrm, index.getX(i));
      expect(face.dot(n)).toBeGreaterThan(0);
      // From the product (0, 0.2, 0) the surface is seen from its front.
      expect(face.dot(new Vector3(0, 0.2, 0).sub(a))).toBeGreaterThan(0);
    }
    expect(index.count / 3).toBeLessThan(500);
  });
});
