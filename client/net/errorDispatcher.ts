import type { ClientMessageName, ErrorBody, ErrorCode } from '../../shared/protocol.ts';

/** Which room errors a feature claims: by error code, by the message type the error answers, or both. */
export type ErrorClaim = { code: ErrorCode; type?: ClientMessageName } | { code?: ErrorCode; type: ClientMessageName };

/**
 * The one path of the room's `error` replies. A feature claims the errors it words itself (the chat
 * its refusals, next to the input); every error nobody claimed goes to the default (the page's notice).
 */
export interface ErrorDispatcher {
  /**
   * Claims errors matching every field of `claim`; returns a function that lets go of them.
   * @example errors.claim({ type: MSG.chat }, (error) => showBesideInput(error))
   */
  claim(claim: ErrorClaim, handler: (error: ErrorBody) => void): () => void;
  /** Hands one error to its claimant, or to the default when none claims it. */
  dispatch(error: ErrorBody): void;
}

interface Claimant {
  claim: ErrorClaim;
  handler: (error: ErrorBody) => void;
}

/** How specific a claim is: code and type beat type alone, which beats code alone. */
const rank = ({ code, type }: ErrorClaim) => (type ? 2 : 0) + (code ? 1 : 0);

const matches = ({ code, type }: ErrorClaim, error: ErrorBody) =>
  (code === undefined || code === error.code) && (type === undefined || type === error.type);

/**
 * Makes an app's error dispatcher. Each error reaches exactly one handler: the most specific claim
 * that matches it (the earliest among equals), else `fallback`, so no error is shown twice or lost.
 */
export function createErrorDispatcher(fallback: (error: ErrorBody) => void): ErrorDispatcher {
  const claimants: Claimant[] = [];
  return {
    claim(claim, handler) {
      const entry: Claimant = { claim, handler };
      claimants.push(entry);
      return () => {
        const at = claimants.indexOf(entry);
        if (at >= 0) claimants.splice(at, 1);
      };
    },
    dispatch(error) {
      let best: Claimant | undefined;
      for (const c of claimants) {
        if (matches(c.claim, error) && (!best || rank(c.claim) > rank(best.claim))) best = c;
      }
      (best?.handler ?? fallback)(error);
    },
  };
}
