import { describe, expect, it } from 'vitest';
import { ARENA } from '../../../../../shared/arena.ts';
import type { SquadView } from '../../../../../shared/together.ts';
import { inviteLink, MINI_MAP, miniMapPoint, squadCart } from '../../../../../client/ui/squad/squadLogic.ts';
import { parseJerseyNumber } from '../../../../../client/ui/avatar/useAvatarModel.ts';
import { catalog, product } from '../../support/catalog.ts';

const squad: SquadView = {
  id: 'sq_1',
  code: 'K7QX4M',
  members: [
    {
      memberId: 'a',
      name: 'Ann',
      color: '#ff0000',
      sessionId: 's_a',
      self: false,
      lines: [{ productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 2 }],
    },
    {
      memberId: 'b',
      name: 'Bob',
      color: '#00ff00',
      sessionId: null,
      self: true,
      lines: [{ productId: 'street-ball', colourwayId: 'black', size: '7', quantity: 1 }],
    },
  ],
};

describe('squad cart', () => {
  it("prices every member's own lines in the reader's currency, the reader first", () => {
    const cart = squadCart(squad, catalog, 'EUR');
    expect(cart.members.map((m) => m.member.name)).toEqual(['Bob', 'Ann']);
    const shoe = product('court-runner-2').prices.EUR!;
    const ball = product('street-ball').prices.EUR!;
    expect(cart.members.map((m) => m.total)).toEqual([ball, shoe * 2]);
    expect(cart.total).toBe(ball + shoe * 2);
  });

  it('makes an invite link that carries the code', () => {
    expect(inviteLink('https://courtside.example', 'K7QX4M')).toBe('https://courtside.example/?squad=K7QX4M');
  });

  it('puts the floor corners at the mini-map margins and centre court in the middle', () => {
    expect(miniMapPoint(-ARENA.floor.halfX, -ARENA.floor.halfZ)).toEqual({ x: MINI_MAP.margin, y: MINI_MAP.margin });
    expect(miniMapPoint(ARENA.floor.halfX, ARENA.floor.halfZ)).toEqual({
      x: MINI_MAP.width - MINI_MAP.margin,
      y: MINI_MAP.height - MINI_MAP.margin,
    });
    expect(miniMapPoint(0, 0)).toEqual({ x: MINI_MAP.width / 2, y: MINI_MAP.height / 2 });
  });

  it('reads a jersey number as typed; anything but 0–99 is no number', () => {
    expect(['7', ' 23 ', '00', '', 'x', '100', '-1'].map(parseJerseyNumber)).toEqual([7, 23, 0, 255, 255, 255, 255]);
  });
});
