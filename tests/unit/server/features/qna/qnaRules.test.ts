import { describe, expect, it } from 'vitest';
import { createChatFilter } from '../../../../../server/features/chat/chatFilter.ts';
import { acceptPoll, acceptQuestion } from '../../../../../server/features/qna/qnaRules.ts';
import { POLL_OPTION_MAX_LENGTH, QNA_REJECTION, QUESTION_MAX_LENGTH } from '../../../../../shared/qna.ts';
import { PLAYER_FLAG } from '../../../../../shared/together.ts';

const filter = createChatFilter(['knockoff']);

describe('acceptQuestion', () => {
  it('trims a question and keeps it as written', () => {
    expect(acceptQuestion('  Will it come in wide sizes? ', {}, filter)).toEqual({
      ok: true,
      text: 'Will it come in wide sizes?',
    });
    expect(acceptQuestion('这双鞋有宽楦吗？', {}, filter)).toEqual({ ok: true, text: '这双鞋有宽楦吗？' });
  });

  it('refuses empty, too long, muted and filtered questions', () => {
    expect(acceptQuestion('   ', {}, filter)).toEqual({ ok: false, rejection: QNA_REJECTION.empty });
    expect(acceptQuestion('a'.repeat(QUESTION_MAX_LENGTH + 1), {}, filter)).toEqual({
      ok: false,
      rejection: QNA_REJECTION.tooLong,
    });
    expect(acceptQuestion('🏀'.repeat(QUESTION_MAX_LENGTH), {}, filter).ok).toBe(true);
    expect(acceptQuestion('hello', { flags: PLAYER_FLAG.muted }, filter)).toEqual({ ok: false, rejection: QNA_REJECTION.muted });
    expect(acceptQuestion('is this a sh1t shoe', {}, filter)).toEqual({ ok: false, rejection: QNA_REJECTION.filtered });
    expect(acceptQuestion('is it a KNOCKOFF', {}, filter)).toEqual({ ok: false, rejection: QNA_REJECTION.filtered });
  });
});

describe('acceptPoll', () => {
  it('trims the question and options, and refuses an option too long', () => {
    expect(acceptPoll(' Which? ', [' Red ', 'Blue'])).toEqual({ ok: true, question: 'Which?', options: ['Red', 'Blue'] });
    expect(acceptPoll('Which?', ['x'.repeat(POLL_OPTION_MAX_LENGTH + 1), 'Blue'])).toEqual({
      ok: false,
      rejection: QNA_REJECTION.tooLong,
    });
  });
});
