import { NO_JERSEY_NUMBER, PLAYER_FLAG } from '../../../../../shared/together.ts';
import { describe, expect, it } from 'vitest';
import { applyPose, keepOffStage, spawnPlayer } from '../../../../../server/features/pose/players.ts';
import { HAND_BIT } from '../../../../../shared/pose.ts';

const visitor = { id: 'v1', name: 'Ann', color: '#ff0000', role: 'visitor', locale: 'en', currency: 'USD' } as const;
const head = { x: 100, y: 160, z: -200, yaw: 10, pitch: 0 };
const left = { x: 70, y: 120, z: -220, q: 123 };
const right = { x: 130, y: 120, z: -220, q: 456 };

describe('applyPose', () => {
  it('leaves every hand field unset for a desktop pose', () => {
    const player = spawnPlayer(visitor, 0);
    applyPose(player, head);
    // A new player wears a jersey in their colour, with no number, and no hand field is set; the far
    // pose (shared/interest.ts) starts at the spawn point: seed 0 is 5 m along +x, facing center court.
    expect(player.toJSON()).toEqual({
      name: 'Ann',
      color: '#ff0000',
      jerseyColor: '#ff0000',
      jerseyNumber: NO_JERSEY_NUMBER,
      farX: 500,
      farZ: 0,
      farYaw: 16384,
      ...head,
    });
  });

  it('writes tracked hands and the mask, and keeps a lost hand’s last place with its bit cleared', () => {
    const player = spawnPlayer(visitor, 0);
    applyPose(player, { ...head, left, right });
    expect(player.hands).toBe(HAND_BIT.left | HAND_BIT.right);
    expect([player.leftX, player.leftY, player.leftZ, player.leftQ]).toEqual([70, 120, -220, 123]);
    expect([player.rightX, player.rightY, player.rightZ, player.rightQ]).toEqual([130, 120, -220, 456]);
    applyPose(player, { ...head, right: { ...right, x: 131 } });
    expect(player.hands).toBe(HAND_BIT.right);
    expect(player.leftX).toBe(70);
    expect(player.rightX).toBe(131);
    applyPose(player, head);
    expect(player.hands).toBe(0);
  });
});

describe('keepOffStage', () => {
  it('places a visitor who walks onto the raised stage at its rim, hands moved with the head', () => {
    const player = spawnPlayer(visitor, 0);
    applyPose(player, { x: 0, y: 160, z: -100, yaw: 0, pitch: 0, left: { x: 20, y: 120, z: -120, q: 1 } });
    keepOffStage(player, 'countdown');
    expect([player.x, player.z]).toEqual([0, -100]);
    keepOffStage(player, 'live');
    expect([player.x, player.z, player.leftX, player.leftZ]).toEqual([0, -280, 20, -300]);
  });

  it("leaves the event's host on it", () => {
    const player = spawnPlayer(visitor, 0);
    player.flags = PLAYER_FLAG.host;
    applyPose(player, { x: 0, y: 215, z: 120, yaw: 0, pitch: 0 });
    keepOffStage(player, 'reveal');
    expect([player.x, player.z]).toEqual([0, 120]);
  });
});
