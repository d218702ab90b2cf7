import { describe, expect, it } from 'vitest';
import { directionFromCamera, directionVector, equirectUv } from '../../../../shared/match.ts';
import { equirectDirection, eyeOffsets } from '../../../../scripts/media/equirect.ts';

function expectSameDirection(a: readonly number[], b: readonly number[]) {
  a.forEach((v, i) => {
    expect(v).toBeCloseTo(b[i]!, 9);
  });
}

describe('the demo renderer’s equirect mapping', () => {
  it('inverts shared equirectUv: the pixel at a yaw/pitch looks along directionVector of it', () => {
    for (const cameraYaw of [0, -90, 37]) {
      for (const yaw of [-170, -90, -10, 0, 45, 120]) {
        for (const pitch of [-80, -30, 0, 15, 60]) {
          const [u, v] = equirectUv(yaw, pitch);
          expectSameDirection(equirectDirection(u, v, cameraYaw), directionVector(cameraYaw + yaw, pitch));
        }
      }
    }
  });

  it('centres the frame on the camera yaw, turns left as u falls, and puts straight up on the top row', () => {
    expectSameDirection(equirectDirection(0.5, 0.5, 0), [0, 0, -1]);
    expectSameDirection(equirectDirection(0.5, 0.5, 90), [-1, 0, 0]);
    expectSameDirection(equirectDirection(0.25, 0.5, 0), [-1, 0, 0]);
    expect(equirectDirection(0.3, 0, 0)[1]).toBeCloseTo(1, 9);
  });

  it('shows a court point where directionFromCamera says it is', () => {
    const camera = { position: [-15.6, 1.6, 2.5] as [number, number, number], yaw: -90 };
    const point: [number, number, number] = [12.5, 1.5, 0];
    const { yaw, pitch } = directionFromCamera(camera, point);
    const [u, v] = equirectUv(yaw, pitch);
    const d = equirectDirection(u, v, camera.yaw);
    const toPoint = point.map((p, i) => p - camera.position[i]!);
    const len = Math.hypot(...toPoint);
    expectSameDirection(
      d,
      toPoint.map((c) => c / len),
    );
  });

  it('places the stereo eyes 64 mm apart along the camera’s right, left eye on the left', () => {
    for (const yaw of [0, -90, 30]) {
      const [left, right] = eyeOffsets(yaw);
      expect(Math.hypot(right[0] - left[0], right[1] - left[1], right[2] - left[2])).toBeCloseTo(0.064, 9);
      const forward = directionVector(yaw, 0);
      expect((right[0] - left[0]) * forward[0] + (right[2] - left[2]) * forward[2]).toBeCloseTo(0, 9);
      // The camera's left is yaw + 90.
      const leftward = directionVector(yaw + 90, 0);
      expect(left[0] * leftward[0] + left[2] * leftward[2]).toBeGreaterThan(0);
    }
  });
});
