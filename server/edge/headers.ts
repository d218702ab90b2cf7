import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import type { MatchInfo } from '../../shared/match.ts';
import type { Middleware } from './chain.ts';

/** Powerful features the page may use, for our own origin only; the rest are off. */
export const PERMISSIONS_POLICY = 'microphone=(self), xr-spatial-tracking=(self), camera=(), geolocation=(), payment=(), usb=()';

/** Origins the match's sources come from when the match config names other hosts (a CDN's HLS). */
function mediaOrigins(match: MatchInfo): string[] {
  const urls = [...match.sources.map((s) => s.src), ...match.captions.map((c) => c.src)];
  const origins = new Set<string>();
  for (const url of urls) {
    if (/^https?:\/\//i.test(url)) origins.add(new URL(url).origin);
  }
  return [...origins];
}

/**
 * `ws://host` or `wss://host` of the page's own origin (for the room's WebSocket). NOTE: the Host
 * header is the caller's, so only a plain host[:port] makes it into the policy.
 */
function ownSocket(req: IncomingMessage): string {
  const secure = req.headers['x-forwarded-proto'] === 'https' || ('encrypted' in req.socket && req.socket.encrypted === true);
  const host = req.headers.host ?? '';
  return /^[\w.-]+(:\d+)?$|^\[[\d:a-f.]+\](:\d+)?$/i.test(host) ? `${secure ? 'wss' : 'ws'}://${host}` : "'self'";
}

/**
 * Security headers on every response (helmet), with a CSP the built client runs under:
 * - scripts only from us, plus `'wasm-unsafe-eval'` for meshopt's bundled WebAssembly decoder;
 * - `blob:` workers for hls.js, `blob:` media for its MediaSource, `blob:`/`data:` for glTF textures;
 * - the room's WebSocket and the match's own media hosts in `connect-src`/`media-src`;
 * - inline styles, which drei, uikit and the XR emulator insert as `<style>` elements;
 * - never framed (`frame-ancestors 'none'`, and X-Frame-Options for old browsers).
 * Voice needs no CSP entry (WebRTC is not fetched); the microphone is allowed by Permissions-Policy.
 */
export function securityHeaders(match: MatchInfo): Middleware {
  const media = mediaOrigins(match);
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", ownSocket, 'blob:', 'data:', ...media],
        mediaSrc: ["'self'", 'blob:', ...media],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    headers(req, res, next);
  };
}
