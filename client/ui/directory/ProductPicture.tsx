import { useEffect, useState } from 'react';
import './directory.css';

export interface ProductPictureProps {
  src: string;
  alt: string;
  className?: string;
  /** Pixel size the picture is laid out at (square). */
  size?: number;
}

/**
 * A product picture (shared/productPictures.ts) with its alt text. A picture that fails to load (not
 * rendered yet for this colourway, offline) leaves a plain tile with the same text for screen readers,
 * never a broken-image icon.
 */
export function ProductPicture({ src, alt, className, size = 72 }: ProductPictureProps) {
  const [failed, setFailed] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: src is the trigger: another colourway's picture gets its own try.
  useEffect(() => setFailed(false), [src]);
  if (failed) {
    return (
      <span
        className={`product-picture missing ${className ?? ''}`}
        role="img"
        aria-label={alt}
        data-testid="product-picture-missing"
        style={{ width: size, height: size }}
      />
    );
  }
  return (
    <img
      className={`product-picture ${className ?? ''}`}
      src={src}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      data-testid="product-picture"
      onError={() => setFailed(true)}
    />
  );
}
