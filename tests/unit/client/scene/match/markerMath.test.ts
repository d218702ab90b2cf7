import { describe, expect, it } from 'vitest';
import { screenPointOf, sphereDirectionOf } from '../../../../../client/scene/match/markerMath.ts';
import { eyeRect } from '../../../../../client/scene/match/screenMaterial.ts';
import type { MatchSource } from '../../../../../shared/match.ts';
import { source } from '../../support/match.ts';

const camera = (over: Partial<MatchSource>): MatchSource => ({ ...source('courtside'), ...over });

describe('where a moment appears', () => {
  it("a point straight along the screen view is the screen's centre", () => {
    const s = camera({ camera: { position: [0, 1, 10], yaw: 0 }, screenView: { yaw: 0, pitch: 0, fov: 90 } });
    const [u, v] = screenPointOf(s, [0, 1, 0], 16 / 9)!;
    expect(u).toBeCloseTo(0.5, 6);
    expect(v).toBeCloseTo(0.5, 6);
  });

  it('a point 45° to the right of the view is the right edge of a 90° crop; up is up', () => {
    const s = camera({ camera: { position: [0, 1, 10], yaw: 0 }, screenView: { yaw: 0, pitch: 0, fov: 90 } });
    expect(screenPointOf(s, [10, 1, 0], 1)![0]).toBeCloseTo(1, 6);
    expect(screenPointOf(s, [0, 3, 0], 1)![1]).toBeGreaterThan(0.5);
  });

  it("the camera's yaw and the view's pitch are undone: a baseline camera looking +x sees a point ahead at the centre", () => {
    const s = camera({ camera: { position: [-15, 1.5, 0], yaw: -90 }, screenView: { yaw: 0, pitch: -10, fov: 60 } });
    const down = Math.tan((10 * Math.PI) / 180) * 10;
    const [u, v] = screenPointOf(s, [-5, 1.5 - down, 0], 2)!;
    expect(u).toBeCloseTo(0.5, 6);
    expect(v).toBeCloseTo(0.5, 6);
  });

  it('a point behind the view, or a flat source, has no screen position', () => {
    const s = camera({ camera: { position: [0, 1, 10], yaw: 0 }, screenView: { yaw: 0, pitch: 0, fov: 90 } });
    expect(screenPointOf(s, [0, 1, 20], 1)).toBeNull();
    expect(screenPointOf({ ...s, projection: 'flat' }, [0, 1, 0], 1)).toBeNull();
  });

  it('in the 360° sphere the marker points from the camera to the action', () => {
    const s = camera({ camera: { position: [0, 1, 10], yaw: 0 } });
    const [x, y, z] = sphereDirectionOf(s, [0, 1, 0]);
    expect([x, y, z].map((n) => Number(n.toFixed(6)))).toEqual([0, 0, -1]);
  });

  it('each eye of a stereo frame is its half: top-bottom puts the left eye on top (v up)', () => {
    expect(eyeRect('stereo-top-bottom', 'left')).toEqual([0, 0.5, 1, 0.5]);
    expect(eyeRect('stereo-top-bottom', 'right')).toEqual([0, 0, 1, 0.5]);
    expect(eyeRect('stereo-left-right', 'right')).toEqual([0.5, 0, 0.5, 1]);
    expect(eyeRect('mono', 'right')).toEqual([0, 0, 1, 1]);
  });
});
