import type { Catalog } from '../../shared/catalog.ts';
import { NO_JERSEY_NUMBER } from '../../shared/together.ts';
import type { RemoteLooks } from '../state/avatarSlice.ts';

/**
 * How one avatar is painted: skin (head, forearms, hands, legs), body (the jersey: torso, sleeves,
 * shorts), shoes (null: none tried on), the jersey number (null: none) and its tag text.
 */
export interface ResolvedLooks {
  skin: string;
  body: string;
  shoes: string | null;
  number: number | null;
  label: string;
}

/** Skin tones avatars are given, light to dark; a visitor keeps theirs for the visit. */
export const SKIN_TONES = ['#f3d3bd', '#e8b996', '#d39a74', '#b27850', '#8d5a3b', '#5e3b27'] as const;

/** The skin tone of a visitor, picked by a hash of their id (or name) so everyone sees the same. */
export function skinTone(key: string): string {
  let h = 7;
  for (let i = 0; i < key.length; i++) h = (h * 33 + key.charCodeAt(i)) | 0;
  return SKIN_TONES[(h >>> 0) % SKIN_TONES.length]!;
}

/**
 * Resolves a visitor's looks against the catalog: the body wears the jersey colour, or the primary
 * colour of a jersey being tried on; shoes being tried on show in their colourway's primary colour;
 * a jersey number goes on the jersey and in front of the name on the tag ("#23 Ann").
 */
export function resolveLooks(
  visitor: { id?: string; name: string; color: string },
  looks: RemoteLooks | undefined,
  catalog: Catalog | null,
): ResolvedLooks {
  const [productId, colourwayId] = (looks?.tryOn ?? '').split(':');
  const product = productId ? catalog?.products.find((p) => p.id === productId) : undefined;
  const colourway = product?.colourways.find((c) => c.id === colourwayId);
  const jersey = looks?.jerseyColor || visitor.color;
  const number = looks?.jerseyNumber ?? NO_JERSEY_NUMBER;
  return {
    skin: skinTone(visitor.id ?? visitor.name),
    body: product?.category === 'jerseys' && colourway ? colourway.colors.primary : jersey,
    shoes: product?.category === 'shoes' && colourway ? colourway.colors.primary : null,
    number: number === NO_JERSEY_NUMBER ? null : number,
    label: number === NO_JERSEY_NUMBER ? visitor.name : `#${number} ${visitor.name}`,
  };
}
