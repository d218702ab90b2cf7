/**
 * Product pictures: rendered from the product models by a script in the repo (`npm run pictures`,
 * scripts/pictures/), several angles per colourway, served from `public/products/`. Cards and the
 * store directory show them; nothing is fetched from elsewhere.
 */

/** The angles each colourway is pictured from; the first is the one lists show. */
export const PICTURE_ANGLES = ['three-quarter', 'side', 'top'] as const;
export type PictureAngle = (typeof PICTURE_ANGLES)[number];

/** Where a product colourway's picture from one angle is served. */
export const productPictureUrl = (productId: string, colourwayId: string, angle: PictureAngle = PICTURE_ANGLES[0]): string =>
  `/products/${productId}/${colourwayId}-${angle}.webp`;
