import { describe, expect, it } from 'vitest';
import { ClientMessages, ErrorBody, MSG, PoseMessage } from '../../../shared/protocol.ts';
import { POSE_BOUNDS_CM, quantizePose } from '../../../shared/pose.ts';

const valid = { x: 120, y: 165, z: -340, yaw: 1000, pitch: -200 };

describe('PoseMessage', () => {
  it('accepts quantized poses, including the bounds', () => {
    expect(PoseMessage.parse(valid)).toEqual(valid);
    const edge = { x: POSE_BOUNDS_CM.x, y: POSE_BOUNDS_CM.yMax, z: -POSE_BOUNDS_CM.z, yaw: 65535, pitch: -16384 };
    expect(PoseMessage.safeParse(edge).success).toBe(true);
  });

  it('accepts whatever quantizePose produces', () => {
    for (const pose of [
      { x: 100, y: -3, z: -100, yaw: -7, pitch: 4 },
      { x: 0, y: 1.65, z: 0, yaw: Math.PI * 2, pitch: -Math.PI },
    ]) {
      expect(PoseMessage.safeParse(quantizePose(pose)).success).toBe(true);
    }
  });

  it.each([
    ['string number', { ...valid, x: '120' }],
    ['NaN', { ...valid, x: Number.NaN }],
    ['infinity', { ...valid, y: Number.POSITIVE_INFINITY }],
    ['float', { ...valid, z: 1.5 }],
    ['out of range x', { ...valid, x: POSE_BOUNDS_CM.x + 1 }],
    ['negative y', { ...valid, y: -1 }],
    ['yaw too big', { ...valid, yaw: 65536 }],
    ['pitch past straight up', { ...valid, pitch: 16385 }],
    ['extra key', { ...valid, speed: 9 }],
    ['missing key', { x: 1, y: 2, z: 3, yaw: 4 }],
    ['null', null],
    ['array', [1, 2, 3, 4, 5]],
    ['boolean field', { ...valid, yaw: true }],
    ['nested object', { ...valid, x: { v: 1 } }],
  ])('rejects %s', (_name, value) => {
    expect(PoseMessage.safeParse(value).success).toBe(false);
  });

  it('is the schema registered for the pose message', () => {
    expect(ClientMessages[MSG.pose]).toBe(PoseMessage);
  });
});

describe('ErrorBody', () => {
  it('accepts known codes only', () => {
    expect(ErrorBody.safeParse({ code: 'rate_limited', message: 'slow down', type: 'pose' }).success).toBe(true);
    expect(ErrorBody.safeParse({ code: 'teapot', message: 'no' }).success).toBe(false);
  });
});
