import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_OPTION_MAX_LENGTH, POLL_OPTIONS, POLL_QUESTION_MAX_LENGTH } from '../../../shared/qna.ts';

/** The host's new poll: a question and 2–4 options, typed in any language; cleared once it went out. */
export function PollForm({ onOpen }: { onOpen: (question: string, options: string[]) => boolean }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState<string[]>(['', '']);
  const ready = question.trim() !== '' && options.every((o) => o.trim() !== '');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!ready || !onOpen(question, options)) return;
    setQuestion('');
    setOptions(['', '']);
  };
  const setOption = (i: number, value: string) => setOptions((all) => all.map((o, j) => (j === i ? value : o)));
  return (
    <form className="poll-form" data-testid="qna-host-poll-form" onSubmit={submit}>
      <label className="field-label" htmlFor="qna-host-poll-question">
        {t('qnaHost.pollQuestion')}
      </label>
      <input
        id="qna-host-poll-question"
        data-testid="qna-host-poll-question"
        maxLength={POLL_QUESTION_MAX_LENGTH}
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
      />
      {options.map((o, i) => (
        <input
          // biome-ignore lint/suspicious/noArrayIndexKey: options are positions in the form; they have no identity of their own.
          key={i}
          aria-label={t('qnaHost.option', { n: i + 1 })}
          data-testid={`qna-host-poll-option-${i}`}
          maxLength={POLL_OPTION_MAX_LENGTH}
          value={o}
          onChange={(e) => setOption(i, e.target.value)}
        />
      ))}
      <div className="row">
        <button
          type="button"
          className="button ghost"
          disabled={options.length >= POLL_OPTIONS.max}
          onClick={() => setOptions((all) => [...all, ''])}
        >
          {t('qnaHost.addOption')}
        </button>
        <button
          type="button"
          className="button ghost"
          disabled={options.length <= POLL_OPTIONS.min}
          onClick={() => setOptions((all) => all.slice(0, -1))}
        >
          {t('qnaHost.removeOption')}
        </button>
        <button type="submit" className="button primary" data-testid="qna-host-poll-open" disabled={!ready}>
          {t('qnaHost.openPoll')}
        </button>
      </div>
    </form>
  );
}
