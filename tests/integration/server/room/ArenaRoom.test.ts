import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAND_BIT } from '../../../../shared/pose.ts';
import { MSG, type ErrorBody } from '../../../../shared/protocol.ts';
import { packQuaternion } from '../../../../shared/quaternion.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../support/testServer.ts';
import { until } from '../../support/until.ts';
import { fillCart } from '../../support/checkout.ts';

const SKU = { productId: 'court-runner-2', colourwayId: 'black', size: '44' };
const SKU_KEY = 'court-runner-2:black:44';
const validPose = { x: 120, y: 165, z: -340, yaw: 1000, pitch: -200 };
const turned = packQuaternion({ qx: 0.1, qy: 0.7, qz: -0.1, qw: 0.7 });
const leftHand = { x: 95, y: 120, z: -360, q: turned };
const rightHand = { x: 150, y: 130, z: -370, q: packQuaternion({ qx: 0, qy: 0, qz: 0, qw: 1 }) };
const headsetPose = { ...validPose, left: leftHand, right: rightHand };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function collectErrors(room: ArenaClientRoom): ErrorBody[] {
  const errors: ErrorBody[] = [];
  room.onMessage(MSG.error, (e: ErrorBody) => errors.push(e));
  return errors;
}

function handsOf(room: ArenaClientRoom, sessionId: string) {
  const p = room.state.players.get(sessionId);
  return (
    p && {
      hands: p.hands ?? 0,
      left: { x: p.leftX, y: p.leftY, z: p.leftZ, q: p.leftQ },
      right: { x: p.rightX, y: p.rightY, z: p.rightZ, q: p.rightQ },
    }
  );
}

function poseOf(room: ArenaClientRoom, sessionId: string) {
  const p = room.state.players.get(sessionId);
  return p && { x: p.x, y: p.y, z: p.z, yaw: p.yaw, pitch: p.pitch, name: p.name, color: p.color };
}

describe('ArenaRoom', () => {
  it('rejects a join without a valid token', async () => {
    await expect(server.sdk.joinOrCreate('arena', { token: 'not-a-token' })).rejects.toThrow();
    await expect(server.sdk.joinOrCreate('arena', {})).rejects.toThrow();
  });

  it('shows two visitors to each other with names, colours and poses', async () => {
    const ann = await server.visitor('Ann', '#ff0000');
    const bob = await server.visitor('Bob', '#00ff00');
    const a = await server.join(ann.token);
    const b = await server.join(bob.token);
    expect(b.roomId).toBe(a.roomId);
    expect(a.state.venueName).toBe('Courtside Arena');

    await until(() => poseOf(a, b.sessionId) !== undefined, 'Ann to see Bob');
    expect(poseOf(a, b.sessionId)).toMatchObject({ name: 'Bob', color: '#00ff00' });

    a.send(MSG.pose, validPose);
    b.send(MSG.pose, { x: -500, y: 170, z: 250, yaw: 40000, pitch: 300 });
    await until(() => poseOf(b, a.sessionId)?.x === validPose.x, "Bob to see Ann's pose");
    await until(() => poseOf(a, b.sessionId)?.x === -500, "Ann to see Bob's pose");
    expect(poseOf(b, a.sessionId)).toEqual({ ...validPose, name: 'Ann', color: '#ff0000' });
    expect(poseOf(a, b.sessionId)).toMatchObject({ x: -500, y: 170, z: 250, yaw: 40000, pitch: 300 });

    await b.leave();
    await until(() => poseOf(a, b.sessionId) === undefined, 'Bob to disappear for Ann');
    await a.leave();
  });

  it("shows a headset visitor's head and both hands to a desktop visitor, and drops a hand that is lost", async () => {
    const ann = await server.visitor('Ann XR');
    const bob = await server.visitor('Bob Desk');
    const a = await server.join(ann.token);
    const b = await server.join(bob.token);
    await until(() => poseOf(b, a.sessionId) !== undefined, 'Bob to see Ann');

    a.send(MSG.pose, headsetPose);
    await until(() => handsOf(b, a.sessionId)?.hands === (HAND_BIT.left | HAND_BIT.right), "Bob to see Ann's hands");
    expect(poseOf(b, a.sessionId)).toMatchObject(validPose);
    expect(handsOf(b, a.sessionId)).toEqual({ hands: 3, left: leftHand, right: rightHand });

    const moved = { ...rightHand, x: rightHand.x + 20, q: turned };
    a.send(MSG.pose, { ...validPose, right: moved });
    await until(() => handsOf(b, a.sessionId)?.right.x === moved.x, "Bob to see Ann's right hand move");
    expect(handsOf(b, a.sessionId)).toMatchObject({ hands: HAND_BIT.right, right: moved });

    // A desktop visitor's player never carries hand fields.
    b.send(MSG.pose, { ...validPose, x: -50 });
    await until(() => poseOf(a, b.sessionId)?.x === -50, "Ann to see Bob's pose");
    expect(handsOf(a, b.sessionId)).toMatchObject({ hands: 0, left: { x: undefined, q: undefined } });
    await a.leave();
    await b.leave();
  });

  it('rejects bad hands with error replies, changing nothing another visitor sees', async () => {
    const v = await server.visitor('Hand Fuzzer');
    const w = await server.visitor('Hand Watcher');
    const room = await server.join(v.token);
    const watcher = await server.join(w.token);
    const errors = collectErrors(room);
    room.send(MSG.pose, headsetPose);
    await until(() => handsOf(watcher, room.sessionId)?.hands === 3, 'the watcher to see the first hands');
    const before = { pose: poseOf(watcher, room.sessionId), hands: handsOf(watcher, room.sessionId) };

    const cases: Array<[string, unknown]> = [
      ['NaN hand', { ...headsetPose, left: { ...leftHand, x: Number.NaN } }],
      ['hand 1 km away', { ...headsetPose, right: { ...rightHand, z: 100_000 } }],
      ['hand 5 m from the head', { ...headsetPose, left: { ...leftHand, x: validPose.x - 500 } }],
      ['not a unit quaternion', { ...headsetPose, right: { ...rightHand, q: 0xffff_ffff } }],
      ['quaternion out of range', { ...headsetPose, right: { ...rightHand, q: 2 ** 40 } }],
      ['null hand', { ...headsetPose, left: null }],
      ['hand without rotation', { ...validPose, left: { x: 1, y: 2, z: 3 } }],
      ['head 1 km away with hands', { ...headsetPose, x: 100_000 }],
    ];
    for (const [i, [name, payload]] of cases.entries()) {
      room.send(MSG.pose, payload);
      await until(() => errors.length === i + 1, `an error reply to ${name}`);
      expect(errors[i], name).toMatchObject({ code: 'invalid_message', type: MSG.pose });
    }
    expect(server.room(room).sessions.get(room.sessionId)?.rejected).toBe(cases.length);
    // A valid pose after the junk arrives, so had the junk been broadcast the watcher would have seen it first.
    room.send(MSG.pose, { ...headsetPose, x: validPose.x + 1 });
    await until(() => poseOf(watcher, room.sessionId)?.x === validPose.x + 1, 'the valid pose after the junk');
    expect(handsOf(watcher, room.sessionId)).toEqual(before.hands);
    expect(room.connection.isOpen).toBe(true);
    await room.leave();
    await watcher.leave();
  });

  it('lowers the stock another visitor sees when someone buys', async () => {
    const buyer = await server.visitor('Buyer');
    const watcher = await server.visitor('Watcher');
    const w = await server.join(watcher.token);
    const before = w.state.stock.get(SKU_KEY) as number;
    expect(before).toBe(25);

    const api = server.api(buyer.token);
    const cartVersion = await fillCart(api, [{ ...SKU, quantity: 2 }]);
    const res = await api.order(
      { currency: 'USD', cartVersion, payment: { method: 'card', paymentMethod: 'pm_card_visa' } },
      'buy-from-room-test-1',
    );
    expect(res.status).toBe(201);
    await until(() => w.state.stock.get(SKU_KEY) === before - 2, 'stock to drop in the room');
    await w.leave();
  });

  it('answers 20 kinds of malformed messages with errors and keeps the room and the sender alive', async () => {
    const v = await server.visitor('Fuzzer');
    const room = await server.join(v.token);
    const errors = collectErrors(room);
    const serverRoom = server.room(room);
    const player = () => {
      const p = serverRoom.state.players.get(room.sessionId)!;
      return { x: p.x, y: p.y, z: p.z, yaw: p.yaw, pitch: p.pitch };
    };
    const start = player();

    const cases: Array<[string | number, unknown, string]> = [
      [MSG.pose, { ...validPose, x: '100' }, 'invalid_message'],
      [MSG.pose, { ...validPose, x: Number.NaN }, 'invalid_message'],
      [MSG.pose, { ...validPose, z: Number.POSITIVE_INFINITY }, 'invalid_message'],
      [MSG.pose, { ...validPose, x: 999_999 }, 'invalid_message'],
      [MSG.pose, { ...validPose, admin: true }, 'invalid_message'],
      [MSG.pose, { x: 1, y: 2, z: 3, yaw: 4 }, 'invalid_message'],
      [MSG.pose, null, 'invalid_message'],
      [MSG.pose, [1, 2, 3, 4, 5], 'invalid_message'],
      [MSG.pose, { ...validPose, x: 'a'.repeat(3000) }, 'invalid_message'],
      ['teleport', { x: 0, y: 0, z: 0 }, 'unknown_message'],
      [MSG.pose, { ...validPose, y: -5 }, 'invalid_message'],
      [MSG.pose, { ...validPose, x: 1.5 }, 'invalid_message'],
      [MSG.pose, { ...validPose, x: { value: 1 } }, 'invalid_message'],
      [MSG.pose, { ...validPose, yaw: true }, 'invalid_message'],
      [MSG.pose, undefined, 'invalid_message'],
      [MSG.pose, 'pose', 'invalid_message'],
      [MSG.pose, 42, 'invalid_message'],
      [MSG.pose, { ...validPose, yaw: 70_000 }, 'invalid_message'],
      [MSG.pose, {}, 'invalid_message'],
      [7, { ...validPose }, 'unknown_message'],
      [MSG.pose, { ...validPose, constructor: 1 }, 'invalid_message'],
      [MSG.error, { code: 'internal', message: 'spoofed' }, 'unknown_message'],
    ];
    expect(cases.length).toBeGreaterThanOrEqual(20);

    for (const [i, [type, payload, code]] of cases.entries()) {
      room.send(type, payload);
      await until(() => errors.length === i + 1, `an error reply to case ${i}`);
      expect(errors[i], `case ${i}`).toMatchObject({ code, type: String(type) });
      expect(player(), `case ${i}`).toEqual(start);
      expect(room.connection.isOpen, `case ${i}`).toBe(true);
    }
    expect(serverRoom.sessions.get(room.sessionId)?.rejected).toBe(cases.length);

    room.send(MSG.pose, validPose);
    await until(() => room.state.players.get(room.sessionId)?.x === validPose.x, 'the valid pose after the junk');
    expect(player()).toEqual(validPose);
    await room.leave();
  });

  it('drops a pose flood (head and hands alike) above the rate limit and says so once', async () => {
    const v = await server.visitor('Flooder');
    const room = await server.join(v.token);
    const errors = collectErrors(room);
    const session = () => server.room(room).sessions.get(room.sessionId)!;
    for (let i = 0; i < 200; i++) {
      room.send(MSG.pose, i % 2 ? { ...validPose, x: i } : { ...headsetPose, right: { ...rightHand, x: 100 + (i % 40) } });
    }
    await until(() => session().applied + session().dropped === 200, 'all 200 poses to be handled');

    expect(session().applied).toBeGreaterThan(0);
    // NOTE: 30 is the burst; a little slack for tokens refilled while the 200 frames are read.
    expect(session().applied).toBeLessThanOrEqual(40);
    expect(session().dropped).toBeGreaterThanOrEqual(160);
    await until(() => errors.length > 0, 'a rate_limited reply');
    expect(errors.every((e) => e.code === 'rate_limited')).toBe(true);
    expect(errors.length).toBeLessThanOrEqual(2);
    expect(room.connection.isOpen).toBe(true);
    await room.leave();
  });
});
