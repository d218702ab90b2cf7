import type { Catalog } from '../../shared/catalog.ts';
import { NO_JERSEY_NUMBER } from '../../shared/together.ts';
import type { RemoteLooks } from '../state/avatarSlice.ts';

/** How one avatar is painted: head and hands, body (the jersey), shoes (null: none tried on), and its tag text. */
export interface ResolvedLooks {
  skin: string;
  body: string;
  shoes: string | null;
  label: string;
}

/**
 * Resolves a visitor's looks against the catalog: the body wears the jersey colour, or the primary
 * colour of a jersey being tried on; shoes being tried on show in their colourway's primary colour;
 * a jersey number goes in front of the name on the tag ("#23 Ann").
 */
export function resolveLooks(
  visitor: { name: string; color: string },
  looks: RemoteLooks | undefined,
  catalog: Catalog | null,
): ResolvedLooks {
  const [productId, colourwayId] = (looks?.tryOn ?? '').split(':');
  const product = productId ? catalog?.products.find((p) => p.id === productId) : undefined;
  const colourway = product?.colourways.find((c) => c.id === colourwayId);
  const jersey = looks?.jerseyColor || visitor.color;
  const number = looks?.jerseyNumber ?? NO_JERSEY_NUMBER;
  return {
    skin: visitor.color,
    body: product?.category === 'jerseys' && colourway ? colourway.colors.primary : jersey,
    shoes: product?.category === 'shoes' && colourway ? colourway.colors.primary : null,
    label: number === NO_JERSEY_NUMBER ? visitor.name : `#${number} ${visitor.name}`,
  };
}
