import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_MAX_LENGTH } from '../../../shared/qna.ts';

/** The question field and its send button; the field empties once the question went out. */
export function AskForm({ onAsk }: { onAsk: (text: string) => boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (text.trim() !== '' && onAsk(text)) setText('');
  };
  return (
    <form className="qna-ask" onSubmit={submit}>
      <label className="field-label" htmlFor="qna-ask-text">
        {t('qna.askLabel')}
      </label>
      <textarea
        id="qna-ask-text"
        data-testid="qna-ask-text"
        rows={2}
        maxLength={QUESTION_MAX_LENGTH * 2}
        placeholder={t('qna.askPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button primary" data-testid="qna-ask-send" disabled={text.trim() === ''}>
        {t('qna.ask')}
      </button>
    </form>
  );
}
