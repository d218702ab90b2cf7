import { describe, expect, it } from 'vitest';
import type { PoseMessage } from '../../../../shared/protocol.ts';
import { PoseMessage as PoseSchema } from '../../../../shared/protocol.ts';
import { createLocalPlayer } from '../../../../client/state/localPlayer.ts';
import { createPoseSender, POSE_KEEPALIVE_MS } from '../../../../client/net/poseSender.ts';

function setup() {
  const player = createLocalPlayer();
  const sent: PoseMessage[] = [];
  const sender = createPoseSender(player, (p) => sent.push(p));
  return { player, sent, sender };
}

describe('pose sender', () => {
  it('sends nothing until the rig has placed the visitor', () => {
    const { sent, sender } = setup();
    sender.tick(0);
    sender.tick(5000);
    expect(sent).toEqual([]);
  });

  it('sends quantized poses the server schema accepts', () => {
    const { player, sent, sender } = setup();
    player.placed = true;
    player.pose = { x: 1.234, y: 1.65, z: -2.5, yaw: Math.PI / 2, pitch: -0.2 };
    sender.tick(0);
    expect(sent).toHaveLength(1);
    expect(PoseSchema.safeParse(sent[0]).success).toBe(true);
    expect(sent[0]).toMatchObject({ x: 123, y: 165, z: -250, yaw: 16384 });
  });

  it('skips unchanged poses but sends a keepalive once a second', () => {
    const { player, sent, sender } = setup();
    player.placed = true;
    sender.tick(0);
    for (let t = 50; t < POSE_KEEPALIVE_MS; t += 50) sender.tick(t);
    expect(sent).toHaveLength(1);
    sender.tick(POSE_KEEPALIVE_MS);
    expect(sent).toHaveLength(2);
  });

  it('sends as soon as the pose changes by a quantum', () => {
    const { player, sent, sender } = setup();
    player.placed = true;
    sender.tick(0);
    player.pose.x += 0.004;
    sender.tick(50);
    expect(sent).toHaveLength(1);
    player.pose.x += 0.01;
    sender.tick(100);
    expect(sent).toHaveLength(2);
  });

  it('sends tracked hands with the head, in a form the server schema accepts', () => {
    const { player, sent, sender } = setup();
    player.placed = true;
    player.pose = { x: 1, y: 1.6, z: -2, yaw: 0, pitch: 0 };
    player.hands.right = { x: 1.25, y: 1.1, z: -2.3, qx: 0, qy: 0, qz: 0, qw: 1 };
    sender.tick(0);
    expect(PoseSchema.safeParse(sent[0]).success).toBe(true);
    expect(sent[0]).toMatchObject({ x: 100, right: { x: 125, y: 110, z: -230 } });
    expect(sent[0]).not.toHaveProperty('left');
  });

  it('sends when only a hand moves or turns, and drops a hand that stops being tracked', () => {
    const { player, sent, sender } = setup();
    player.placed = true;
    player.hands.left = { x: -0.3, y: 1.1, z: -0.2, qx: 0, qy: 0, qz: 0, qw: 1 };
    sender.tick(0);
    sender.tick(50);
    expect(sent).toHaveLength(1);
    player.hands.left.x -= 0.02;
    sender.tick(100);
    expect(sent).toHaveLength(2);
    player.hands.left.qy = 0.2;
    sender.tick(150);
    expect(sent).toHaveLength(3);
    player.hands.left = null;
    sender.tick(200);
    expect(sent).toHaveLength(4);
    expect(sent[3]).not.toHaveProperty('left');
  });

  it('sends a desktop pose with no hand keys at all', () => {
    const { player, sent, sender } = setup();
    player.placed = true;
    sender.tick(0);
    expect(Object.keys(sent[0]!).sort()).toEqual(['pitch', 'x', 'y', 'yaw', 'z']);
  });

  it('sends again after a reset (a reconnect)', () => {
    const { player, sent, sender } = setup();
    player.placed = true;
    sender.tick(0);
    sender.reset();
    sender.tick(50);
    expect(sent).toHaveLength(2);
  });
});
