import { useEffect, useRef } from 'react';

export interface ArQrCodeProps {
  /** The link the code carries. */
  url: string;
  /** What the code is, for screen readers. */
  label: string;
  size?: number;
}

/**
 * A QR code of `url`, drawn on a canvas in the browser. NOTE: the `qrcode` library is imported here
 * only, and this component is itself loaded on demand: nothing of it is in the entry bundle.
 */
export function ArQrCode({ url, label, size = 184 }: ArQrCodeProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((QRCode) => {
      if (live && canvas.current)
        void QRCode.toCanvas(canvas.current, url, { width: size, margin: 2, errorCorrectionLevel: 'M' });
    });
    return () => {
      live = false;
    };
  }, [url, size]);
  return (
    <canvas
      ref={canvas}
      className="ar-qr"
      data-testid="ar-qr"
      data-url={url}
      role="img"
      aria-label={label}
      width={size}
      height={size}
    />
  );
}
