import {
  POLL_OPTION_MAX_LENGTH,
  POLL_QUESTION_MAX_LENGTH,
  QNA_REJECTION,
  QUESTION_MAX_LENGTH,
  type QnaRejection,
} from '../../../shared/qna.ts';
import { PLAYER_FLAG, textLength } from '../../../shared/together.ts';
import type { ChatFilter } from '../chat/chatFilter.ts';

export type TextDecision = { ok: true; text: string } | { ok: false; rejection: QnaRejection };

const refuse = (rejection: QnaRejection): TextDecision => ({ ok: false, rejection });

/**
 * A visitor's question as it will be stored, or why it is refused: empty after trimming, longer than
 * `QUESTION_MAX_LENGTH` code points, the asker muted by the venue admin, or a word the venue's chat
 * filter would mask. NOTE: chat masks such words and sends the rest; a question goes on the big
 * screens with the asker's name, so it is refused instead and the asker can word it again.
 */
export function acceptQuestion(raw: string, asker: { flags?: number }, filter: ChatFilter): TextDecision {
  const text = raw.trim();
  if (text === '') return refuse(QNA_REJECTION.empty);
  if (textLength(text) > QUESTION_MAX_LENGTH) return refuse(QNA_REJECTION.tooLong);
  if ((asker.flags ?? 0) & PLAYER_FLAG.muted) return refuse(QNA_REJECTION.muted);
  if (filter.clean(text) !== text) return refuse(QNA_REJECTION.filtered);
  return { ok: true, text };
}

/** The host's poll, trimmed, or why it is refused (too long; options empty or the same twice are the book's rule). */
export function acceptPoll(
  question: string,
  options: readonly string[],
): { ok: true; question: string; options: string[] } | { ok: false; rejection: QnaRejection } {
  const q = question.trim();
  const opts = options.map((o) => o.trim());
  if (textLength(q) > POLL_QUESTION_MAX_LENGTH || opts.some((o) => textLength(o) > POLL_OPTION_MAX_LENGTH)) {
    return { ok: false, rejection: QNA_REJECTION.tooLong };
  }
  return { ok: true, question: q, options: opts };
}
