/**
 * Width and height of every product picture, in pixels. NOTE: 448 is sharp on a card shown at
 * 224 CSS px on a 2× phone screen, and keeps a picture near 10 kB as WebP.
 */
export const PICTURE_SIZE = 448;
