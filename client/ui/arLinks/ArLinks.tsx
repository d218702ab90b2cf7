import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { productPictureUrl } from '../../../shared/productPictures.ts';
import { findProduct, shownColourwayId } from '../../state/catalogSlice.ts';
import { useApp } from '../../state/context.tsx';
import { arHandOffUrl, arPlatform, quickLookPath, sceneViewerUrl } from './arLinks.ts';
import './arLinks.css';

const ArQrCode = lazy(() => import('./ArQrCode.tsx').then((m) => ({ default: m.ArQrCode })));

/**
 * "View in AR" for the product card, whatever the device: an iPhone or iPad gets a Quick Look link
 * (Apple's `<a rel="ar">` with an image first), Android a Scene Viewer intent, a desktop a QR code
 * that opens this product's card with AR on the visitor's phone. (WebXR AR, where it exists, is the
 * card's "View in your room".)
 */
export function ArLinks() {
  const { t } = useTranslation();
  const product = useApp((s) => findProduct(s.catalog, s.productId));
  const chosen = useApp((s) => (s.productId ? s.choice[s.productId]?.colourwayId : undefined));
  const locale = useApp((s) => s.profile.locale);
  const offered = useApp((s) => s.arHandOff !== null && s.arHandOff === s.productId);
  const [qr, setQr] = useState(false);
  const [picture, setPicture] = useState(true);
  if (!product) return null;
  const colourwayId = shownColourwayId(product, chosen);
  const name = localize(product.name, locale);
  const platform = arPlatform({ userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints });
  const handOff = arHandOffUrl(location.origin, product.id, colourwayId);
  const className = `button ghost ar-link ${offered ? 'ar-offered' : ''}`;

  if (platform === 'ios') {
    return (
      // biome-ignore lint/a11y/noAutofocus: the visitor scanned a code to get exactly this link.
      <a rel="ar" href={quickLookPath(product.model)} className={className} data-testid="ar-quick-look" autoFocus={offered}>
        {/* NOTE: Quick Look opens only from an <a rel="ar"> whose first child is an image. */}
        <img
          src={productPictureUrl(product.id, colourwayId)}
          alt=""
          width={28}
          height={28}
          className={picture ? '' : 'ar-picture-missing'}
          onError={() => setPicture(false)}
        />
        {t('arLinks.quickLook')}
      </a>
    );
  }
  if (platform === 'android') {
    // NOTE: not ProductModel's modelUrl: importing it would pull three.js and drei into the card's bundle.
    const glb = new URL(`${import.meta.env.BASE_URL}models/${product.model}`, location.origin).toString();
    return (
      // biome-ignore lint/a11y/noAutofocus: the visitor scanned a code to get exactly this link.
      <a href={sceneViewerUrl(glb, handOff, name)} className={className} data-testid="ar-scene-viewer" autoFocus={offered}>
        {t('arLinks.sceneViewer')}
      </a>
    );
  }
  return (
    <div className="ar-hand-off">
      <button type="button" className="button ghost" data-testid="ar-on-phone" aria-expanded={qr} onClick={() => setQr(!qr)}>
        {t('arLinks.onPhone')}
      </button>
      {qr && (
        <div className="ar-qr-box" data-testid="ar-qr-box">
          <Suspense fallback={null}>
            <ArQrCode url={handOff} label={t('arLinks.qrAlt', { name })} />
          </Suspense>
          <p>{t('arLinks.scanHint')}</p>
        </div>
      )}
    </div>
  );
}
