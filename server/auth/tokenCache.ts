import type { Visitor } from '../../shared/api.ts';

/** Tokens already verified, so a visitor's every request does not check the same signature again. */
export interface TokenCache {
  /** The visitor of a token verified before, or undefined if unknown or expired at `nowSeconds`. */
  get(token: string, nowSeconds: number): Visitor | undefined;
  /** Remembers a token whose signature and claims were just checked, until its `exp` (epoch seconds). */
  set(token: string, visitor: Visitor, exp: number): void;
  readonly size: number;
}

interface Entry {
  visitor: Visitor;
  exp: number;
}

/**
 * A least-recently-used cache of at most `max` verified tokens. An entry is never answered at or
 * past its `exp` (the same rule as jose's check: valid while now < exp), and is dropped then.
 * NOTE: only tokens that passed verification go in, keyed by the whole token (signature included),
 * so a tampered or forged token can never hit; each answer is a copy, so no caller can change another's.
 */
export function createTokenCache(max: number): TokenCache {
  const entries = new Map<string, Entry>();
  return {
    get(token, nowSeconds) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      entries.delete(token);
      if (nowSeconds >= entry.exp) return undefined;
      entries.set(token, entry);
      return { ...entry.visitor };
    },
    set(token, visitor, exp) {
      if (max < 1) return;
      entries.delete(token);
      entries.set(token, { visitor: { ...visitor }, exp });
      if (entries.size > max) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
