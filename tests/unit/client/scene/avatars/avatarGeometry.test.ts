import { describe, expect, it } from 'vitest';
import { createAvatarGeometries, trianglesPerPerson } from '../../../../../client/scene/avatars/avatarGeometry.ts';

describe('avatar geometry', () => {
  it('keeps a person low-poly: 100 of them fit well inside the 300k-triangle view budget', () => {
    const g = createAvatarGeometries();
    const perPerson = trianglesPerPerson(g);
    // The arena alone draws up to about 100k (bench:render); the crowd may take 150k of the rest.
    expect(perPerson * 100).toBeLessThanOrEqual(150_000);
    // Shapely, not boxes: the head and torso are rounded surfaces of some hundreds of triangles.
    expect(perPerson).toBeGreaterThan(800);
    for (const geometry of Object.values(g)) geometry.dispose();
  });

  it('hangs limbs down from their joint, as the layout’s bone matrices expect', () => {
    const g = createAvatarGeometries();
    for (const limb of [g.upperArm, g.forearm, g.hand]) {
      limb.computeBoundingBox();
      const box = limb.boundingBox!;
      expect(box.max.y).toBeLessThanOrEqual(0.06);
      expect(box.min.y).toBeLessThan(-0.1);
    }
    for (const geometry of Object.values(g)) geometry.dispose();
  });
});
