import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClientMessages, ErrorBody, MSG, PoseMessage, ServerMessages } from '../../../shared/protocol.ts';
import { HAND_BOUNDS_CM, POSE_BOUNDS_CM, quantizeHand, quantizePose } from '../../../shared/pose.ts';
import { packQuaternion } from '../../../shared/quaternion.ts';

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

describe('PoseMessage with hands', () => {
  const q = packQuaternion({ qx: 0.2, qy: -0.3, qz: 0.1, qw: 0.92 });
  const left = { x: valid.x - 30, y: valid.y - 40, z: valid.z - 20, q };
  const right = { x: valid.x + 30, y: valid.y - 40, z: valid.z - 20, q };
  const withHands = { ...valid, left, right };

  it('accepts a head with both hands, one hand, or none', () => {
    expect(PoseMessage.parse(withHands)).toEqual(withHands);
    expect(PoseMessage.safeParse({ ...valid, right }).success).toBe(true);
    expect(PoseMessage.safeParse(valid).success).toBe(true);
  });

  it('accepts whatever quantizeHand produces, even for a hand far away or below the floor', () => {
    const head = quantizePose({ x: 20, y: 2.9, z: -10, yaw: 1, pitch: 0 });
    for (const h of [
      { x: 20.3, y: 1.2, z: -10.2, qx: 0, qy: 1, qz: 0, qw: 0 },
      { x: 1000, y: -50, z: 3, qx: 1, qy: 1, qz: 1, qw: 1 },
      { x: 20, y: 99, z: -10, qx: -0.5, qy: 0.5, qz: -0.5, qw: -0.5 },
    ]) {
      expect(PoseMessage.safeParse({ ...head, left: quantizeHand(h, head) }).success).toBe(true);
    }
  });

  it.each([
    ['a NaN hand x', { ...valid, left: { ...left, x: Number.NaN } }],
    ['an infinite hand z', { ...valid, right: { ...right, z: Number.NEGATIVE_INFINITY } }],
    ['a hand 1 km away', { ...valid, left: { ...left, x: 100_000 } }],
    ['a hand 5 m from the head', { ...valid, right: { ...right, x: valid.x + 500 } }],
    ['a hand just past reach', { ...valid, right: { ...right, x: valid.x + 151, y: valid.y, z: valid.z } }],
    ['a hand above the hand bounds', { ...valid, y: 300, left: { ...left, y: HAND_BOUNDS_CM.yMax + 1 } }],
    ['a hand below the floor', { ...valid, left: { ...left, y: -1 } }],
    ['a fractional hand position', { ...valid, left: { ...left, y: 100.5 } }],
    ['a negative quaternion', { ...valid, left: { ...left, q: -1 } }],
    ['a quaternion over 32 bits', { ...valid, left: { ...left, q: 2 ** 32 } }],
    ['a fractional quaternion', { ...valid, left: { ...left, q: q + 0.5 } }],
    ['a quaternion no rotation packs to', { ...valid, left: { ...left, q: 0xffff_ffff } }],
    ['a float quaternion array', { ...valid, left: { ...left, q: [0, 0, 0, 1] } }],
    ['a hand missing its rotation', { ...valid, left: { x: left.x, y: left.y, z: left.z } }],
    ['an extra hand key', { ...valid, left: { ...left, grip: 1 } }],
    ['a null hand', { ...valid, left: null }],
    ['a third hand', { ...valid, middle: left }],
  ])('rejects %s', (_name, value) => {
    expect(PoseMessage.safeParse(value).success).toBe(false);
  });
});

describe('ErrorBody', () => {
  it('accepts known codes only', () => {
    expect(ErrorBody.safeParse({ code: 'rate_limited', message: 'slow down', type: 'pose' }).success).toBe(true);
    expect(ErrorBody.safeParse({ code: 'teapot', message: 'no' }).success).toBe(false);
  });
});

/** Every `MSG.x` the server's code passes to a `send(…)` or `broadcast(…)` call. */
function messagesTheServerSends(): Set<string> {
  const sent = new Set<string>();
  const call = /\b(?:send|broadcast)\((?:\s*[\w.]+(?:\([^()]*\))?\s*,)?\s*MSG\.(\w+)/g;
  for (const file of readdirSync('server', { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    for (const [, key] of readFileSync(join('server', file), 'utf8').matchAll(call)) {
      const name = MSG[key as keyof typeof MSG];
      sent.add(name ?? `MSG.${key}`);
    }
  }
  return sent;
}

describe('ServerMessages', () => {
  it('has a schema for every message the server sends', () => {
    const sent = messagesTheServerSends();
    // NOTE: a floor, so a change in how the server writes its sends cannot make this pass by finding none.
    expect(sent.size).toBeGreaterThanOrEqual(8);
    for (const name of sent) expect(Object.keys(ServerMessages)).toContain(name);
  });

  it('lets the client read what the server sends', () => {
    expect(ServerMessages[MSG.squad].safeParse(null).success).toBe(true);
    expect(ServerMessages[MSG.signal].safeParse({ from: 'a', kind: 'bye' }).success).toBe(true);
    expect(ServerMessages[MSG.signal].safeParse({ to: 'a', kind: 'bye' }).success).toBe(false);
    expect(ServerMessages[MSG.error]).toBe(ErrorBody);
  });
});
