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

  it('sends again after a reset (a reconnect)', () => {
    const { player, sent, sender } = setup();
    player.placed = true;
    sender.tick(0);
    sender.reset();
    sender.tick(50);
    expect(sent).toHaveLength(2);
  });
});
