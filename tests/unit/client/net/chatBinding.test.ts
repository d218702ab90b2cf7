import { describe, expect, it } from 'vitest';
import { chatErrorKey } from '../../../../client/net/chatBinding.ts';
import { CHAT_REJECTION } from '../../../../shared/together.ts';

describe('chatErrorKey', () => {
  it('words each chat refusal, rate limits, and falls back to the error code', () => {
    const rejected = (message: string) => chatErrorKey({ code: 'chat_rejected', message, type: 'chat' });
    expect(rejected(CHAT_REJECTION.empty)).toBe('chat.reason.empty');
    expect(rejected(CHAT_REJECTION.tooLong)).toBe('chat.reason.tooLong');
    expect(rejected(CHAT_REJECTION.muted)).toBe('chat.reason.muted');
    expect(rejected(CHAT_REJECTION.noSquad)).toBe('chat.reason.noSquad');
    expect(rejected('something new')).toBe('errors.chat_rejected');
    expect(chatErrorKey({ code: 'rate_limited', message: '', type: 'reaction' })).toBe('chat.reason.rateLimited');
    expect(chatErrorKey({ code: 'forbidden', message: '', type: 'moderate' })).toBe('errors.forbidden');
  });
});
