import { SignJWT, jwtVerify } from 'jose';
import { Visitor } from '../../shared/api.ts';

const ISSUER = 'courtside';
const AUDIENCE = 'courtside:visitor';
/** Anonymous visitors keep their cart and orders for this long without coming back. */
export const TOKEN_TTL_SECONDS = 60 * 60 * 24 * 90;

/** Signs and checks visitor (and, later, host) tokens. */
export interface TokenService {
  issue(visitor: Visitor): Promise<string>;
  /** The visitor a token names, or undefined if it is missing, forged, expired or malformed. */
  verify(token: string | undefined): Promise<Visitor | undefined>;
}

/** HS256 tokens whose claims carry the whole visitor profile: `sub`, name, color, role, locale, currency. */
export function createTokenService(secret: string): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(visitor) {
      return new SignJWT({
        name: visitor.name,
        color: visitor.color,
        role: visitor.role,
        locale: visitor.locale,
        currency: visitor.currency,
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(visitor.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
        .sign(key);
    },
    async verify(token) {
      if (!token || token.length > 4096) return undefined;
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        const parsed = Visitor.safeParse({ ...payload, id: payload.sub });
        return parsed.success ? parsed.data : undefined;
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
