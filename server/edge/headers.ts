import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { MatchInfo } from '../../shared/match.ts';
import type { Middleware } from './chain.ts';

/** Powerful features the page may use, for our own origin only; the rest are off. */
export const PERMISSIONS_POLICY = 'microphone=(self), xr-spatial-tracking=(self), camera=(), geolocation=(), payment=(), usb=()';

/**
 * On Stripe, the Payment Element's frames (js.stripe.com) may use the Payment Request API: that is
 * how it offers Apple Pay and Google Pay.
 */
export const STRIPE_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace('payment=()', 'payment=(self "https://js.stripe.com")');

/**
 * What Stripe.js needs (https://docs.stripe.com/security/guide#content-security-policy): its script
 * from js.stripe.com (PCI: it may not be bundled or self-hosted), its frames, and its API.
 */
const STRIPE_CSP = {
  script: ['https://js.stripe.com'],
  frame: ['https://js.stripe.com', 'https://hooks.stripe.com'],
  connect: ['https://api.stripe.com'],
};

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

/** Stands for the caller's own socket (ownSocket) while helmet's headers are made; no origin has braces. */
const OWN_SOCKET = '{own-socket}';

/** A header helmet sets; `around` holds the value's two sides of OWN_SOCKET when it has one. */
interface FixedHeader {
  name: string;
  value: string;
  around?: [string, string];
}

/**
 * Runs a helmet middleware once on a stand-in response and keeps what it did: the headers it set, in
 * order, and the ones it removed. Helmet's headers depend on nothing of the request but the
 * OWN_SOCKET placeholder, which each request then fills in.
 */
function recordHeaders(step: Middleware): { set: FixedHeader[]; removed: string[] } {
  const set: FixedHeader[] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      const text = String(value);
      const [before, after, extra] = text.split(OWN_SOCKET);
      if (extra !== undefined) throw new Error(`${name} holds ${OWN_SOCKET} twice`);
      set.push(
        after === undefined || before === undefined ? { name, value: text } : { name, value: text, around: [before, after] },
      );
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let passed = false;
  step({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (err) => {
    if (err !== undefined) throw err;
    passed = true;
  });
  if (!passed) throw new Error('the security headers step did not pass the request on synchronously');
  return { set, removed };
}

/**
 * Security headers on every response (helmet), with a CSP the built client runs under:
 * - scripts only from us, plus `'wasm-unsafe-eval'` for meshopt's bundled WebAssembly decoder;
 * - `blob:` workers for hls.js, `blob:` media for its MediaSource, `blob:`/`data:` for glTF textures;
 * - the room's WebSocket and the match's own media hosts in `connect-src`/`media-src`;
 * - inline styles, which drei, uikit and the XR emulator insert as `<style>` elements;
 * - never framed (`frame-ancestors 'none'`, and X-Frame-Options for old browsers).
 * Voice needs no CSP entry (WebRTC is not fetched); the microphone is allowed by Permissions-Policy.
 * With `stripe`, Stripe.js is the one script from another host (STRIPE_CSP); without it, none.
 * With `stageMediaUrl` (Janus), the page may call its HTTP API (the stage voice's signalling).
 */
export function securityHeaders(
  match: MatchInfo,
  { stripe = false, stageMediaUrl }: { stripe?: boolean; stageMediaUrl?: string | undefined } = {},
): Middleware {
  const media = mediaOrigins(match);
  const stage = stageMediaUrl ? [new URL(stageMediaUrl).origin] : [];
  const outside = stripe ? STRIPE_CSP : { script: [], frame: [], connect: [] };
  // NOTE: helmet rebuilds and revalidates the CSP for every request because of the per-request socket
  // origin; its headers are made once here instead, and only that origin is filled in per request.
  const { set, removed } = recordHeaders(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'wasm-unsafe-eval'", ...outside.script],
          ...(stripe ? { frameSrc: outside.frame } : {}),
          workerSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'", OWN_SOCKET, 'blob:', 'data:', ...media, ...stage, ...outside.connect],
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
    }),
  );
  const permissions = stripe ? STRIPE_PERMISSIONS_POLICY : PERMISSIONS_POLICY;
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', permissions);
    for (const { name, value, around } of set) res.setHeader(name, around ? around[0] + ownSocket(req) + around[1] : value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
