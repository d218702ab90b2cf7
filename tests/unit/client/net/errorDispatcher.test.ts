import { describe, expect, it, vi } from 'vitest';
import { createErrorDispatcher } from '../../../../client/net/errorDispatcher.ts';
import { type ErrorBody, MSG } from '../../../../shared/protocol.ts';

const error = (code: ErrorBody['code'], type?: string): ErrorBody => ({ code, message: 'x', ...(type ? { type } : {}) });

describe('createErrorDispatcher', () => {
  it('sends an error nobody claimed to the default', () => {
    const fallback = vi.fn();
    const errors = createErrorDispatcher(fallback);
    errors.dispatch(error('forbidden', MSG.matchControl));
    expect(fallback).toHaveBeenCalledExactlyOnceWith(error('forbidden', MSG.matchControl));
  });

  it('routes by code and by message type, each error to one handler only', () => {
    const fallback = vi.fn();
    const errors = createErrorDispatcher(fallback);
    const byCode = vi.fn();
    const byType = vi.fn();
    errors.claim({ code: 'rate_limited' }, byCode);
    errors.claim({ type: MSG.chat }, byType);

    errors.dispatch(error('rate_limited', MSG.pose));
    errors.dispatch(error('chat_rejected', MSG.chat));
    // NOTE: claimed twice (by code and by type): the type, being more specific, takes it alone.
    errors.dispatch(error('rate_limited', MSG.chat));
    errors.dispatch(error('forbidden', MSG.moderate));

    expect(byCode.mock.calls).toEqual([[error('rate_limited', MSG.pose)]]);
    expect(byType.mock.calls).toEqual([[error('chat_rejected', MSG.chat)], [error('rate_limited', MSG.chat)]]);
    expect(fallback.mock.calls).toEqual([[error('forbidden', MSG.moderate)]]);
  });

  it('prefers a claim on code and type together, and gives an error back to the default once let go', () => {
    const fallback = vi.fn();
    const errors = createErrorDispatcher(fallback);
    const anyChat = vi.fn();
    const chatLimit = vi.fn();
    errors.claim({ type: MSG.chat }, anyChat);
    const release = errors.claim({ code: 'rate_limited', type: MSG.chat }, chatLimit);
    errors.dispatch(error('rate_limited', MSG.chat));
    expect(chatLimit).toHaveBeenCalledTimes(1);
    expect(anyChat).not.toHaveBeenCalled();

    release();
    errors.dispatch(error('rate_limited', MSG.chat));
    expect(chatLimit).toHaveBeenCalledTimes(1);
    expect(anyChat).toHaveBeenCalledTimes(1);
    errors.dispatch(error('rate_limited', MSG.reaction));
    expect(fallback).toHaveBeenCalledTimes(1);
  });
});
