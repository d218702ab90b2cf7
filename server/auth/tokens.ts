import { SignJWT, jwtVerify } from 'jose';
import { Visitor } from '../../shared/api.ts';
import { createTokenCache } from './tokenCache.ts';

const ISSUER = 'courtside';
const AUDIENCE = 'courtside:visitor';
/** Anonymous visitors keep their cart and orders for this long without coming back. */
export const TOKEN_TTL_SECONDS = 60 * 60 * 24 * 90;
/** How many verified tokens a token service remembers (a few hundred bytes each). */
export const VERIFIED_TOKENS_KEPT = 4096;

/** Signs and checks visitor (and, later, host) tokens. */
export interface TokenService {
  /** A token for the visitor, valid `TOKEN_TTL_SECONDS` or until `expiresAtMs` (an event host's session ends with the event). */
  issue(visitor: Visitor, options?: { expiresAtMs?: number | undefined }): Promise<string>;
  /** The visitor a token names, or undefined if it is missing, forged, expired, malformed or no longer stands. */
  verify(token: string | undefined): Promise<Visitor | undefined>;
}

/**
 * HS256 tokens whose claims carry the whole visitor profile: `sub`, name, color, role, locale, currency.
 * NOTE: a visitor sends the same token with every request. The key is imported into WebCrypto once
 * (not per call), and up to `cacheSize` verified tokens are remembered until their `exp`
 * (see tokenCache.ts), so a repeat skips the signature check.
 */
export interface TokenServiceOptions {
  cacheSize?: number;
  /**
   * Whether a verified session's claims still stand (server/auth/hostAccess.ts: an event host's invite
   * was not revoked). Asked on every verify, cached or not, so a revoke takes effect at once.
   */
  stands?: (visitor: Visitor) => boolean;
}

export function createTokenService(
  secret: string,
  { cacheSize = VERIFIED_TOKENS_KEPT, stands = () => true }: TokenServiceOptions = {},
): TokenService {
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  // NOTE: an unusable secret (empty) rejects here; each issue/verify still awaits `key` and fails then.
  key.catch(() => undefined);
  const verified = createTokenCache(cacheSize);
  return {
    async issue(visitor, { expiresAtMs } = {}) {
      const { hostEventId, hostInviteId } = visitor;
      return new SignJWT({
        name: visitor.name,
        color: visitor.color,
        role: visitor.role,
        locale: visitor.locale,
        currency: visitor.currency,
        ...(hostEventId !== undefined ? { hostEventId } : {}),
        ...(hostInviteId !== undefined ? { hostInviteId } : {}),
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(visitor.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresAtMs !== undefined ? Math.floor(expiresAtMs / 1000) : `${TOKEN_TTL_SECONDS}s`)
        .sign(await key);
    },
    async verify(token) {
      if (!token || token.length > 4096) return undefined;
      const known = verified.get(token, Math.floor(Date.now() / 1000));
      if (known) return stands(known) ? known : undefined;
      try {
        const { payload } = await jwtVerify(token, await key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        const parsed = Visitor.safeParse({ ...payload, id: payload.sub });
        if (!parsed.success) return undefined;
        if (payload.exp !== undefined) verified.set(token, parsed.data, payload.exp);
        return stands(parsed.data) ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** The token of an `Authorization: Bearer ...` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
