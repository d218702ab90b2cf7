import { describe, expect, it } from 'vitest';
import en from '../../../../client/i18n/locales/en.json' with { type: 'json' };
import zh from '../../../../client/i18n/locales/zh-CN.json' with { type: 'json' };
import { qnaErrorKey } from '../../../../client/net/qnaBinding.ts';
import { ErrorCode, MSG } from '../../../../shared/protocol.ts';
import { QNA_REJECTION } from '../../../../shared/qna.ts';

const lookup = (catalog: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

describe('qnaErrorKey', () => {
  it('words every refusal the server can give, in English and Chinese', () => {
    const keys = [
      ...Object.values(QNA_REJECTION).map((message) => qnaErrorKey({ code: ErrorCode.qnaRejected, message, type: MSG.qnaAsk })),
      qnaErrorKey({ code: ErrorCode.rateLimited, message: 'x', type: MSG.qnaAsk }),
      qnaErrorKey({ code: ErrorCode.qnaRejected, message: 'a reason this client does not know', type: MSG.qnaVote }),
      qnaErrorKey({ code: ErrorCode.forbidden, message: 'x', type: MSG.qnaHost }),
    ];
    expect(keys).toContain('errors.qna_rejected');
    for (const key of keys) {
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
      expect(typeof lookup(zh, key), `zh-CN ${key}`).toBe('string');
    }
  });
});
