import { ARENA, SHELVES } from '../../../shared/arena.ts';
import type { Catalog } from '../../../shared/catalog.ts';
import type { Currency } from '../../../shared/money.ts';
import type { SquadMember, SquadView } from '../../../shared/together.ts';
import { priceCart, type PricedLine } from '../cart/cartLogic.ts';

/** One member's part of the squad cart, priced in the reader's currency (display only). */
export interface SquadCartMember {
  member: SquadMember;
  lines: PricedLine[];
  total: number;
  count: number;
}

/** The squad cart: every member's own lines and totals, the reader's own first, then in joining order. */
export function squadCart(
  squad: SquadView,
  catalog: Catalog | null,
  currency: Currency,
): { members: SquadCartMember[]; total: number } {
  const members = [...squad.members]
    .sort((a, b) => Number(b.self) - Number(a.self))
    .map((member) => ({ member, ...priceCart(catalog, member.lines, currency) }));
  return { members, total: members.reduce((sum, m) => sum + m.total, 0) };
}

/** The link that brings a friend straight into the squad. */
export function inviteLink(origin: string, code: string): string {
  return `${origin}/?squad=${encodeURIComponent(code)}`;
}

/** The mini-map's drawing size in CSS px (width along x, height along z). */
export const MINI_MAP = { width: 192, height: 128, margin: 6 } as const;

/** A floor point (metres) on the mini-map (px), the floor filling the map inside its margin. */
export function miniMapPoint(x: number, z: number, out: { x: number; y: number } = { x: 0, y: 0 }): { x: number; y: number } {
  const { halfX, halfZ } = ARENA.floor;
  const w = MINI_MAP.width - MINI_MAP.margin * 2;
  const h = MINI_MAP.height - MINI_MAP.margin * 2;
  out.x = MINI_MAP.margin + ((x + halfX) / (halfX * 2)) * w;
  out.y = MINI_MAP.margin + ((z + halfZ) / (halfZ * 2)) * h;
  return out;
}

/** The shelves as mini-map rectangles (px): so squad mates can be told apart by the aisle they are in. */
export function miniMapShelves(): { x: number; y: number; width: number; height: number }[] {
  return SHELVES.map((s) => {
    const a = miniMapPoint(s.x - s.width / 2, s.z - s.depth / 2);
    const b = miniMapPoint(s.x + s.width / 2, s.z + s.depth / 2);
    return { x: a.x, y: a.y, width: b.x - a.x, height: Math.max(2, b.y - a.y) };
  });
}
