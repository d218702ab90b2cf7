import { useTranslation } from 'react-i18next';
import { PollCard } from '../qna/PollCard.tsx';
import { QuestionList } from '../qna/QuestionList.tsx';
import { PollForm } from './PollForm.tsx';
import { useQnaHostModel } from './useQnaHostModel.ts';
import '../qna/qna.css';

/**
 * The host's Q&A controls (DOM): the question on the screens with "mark answered", the waiting
 * questions ranked with "show on screens" and "hide", and the poll — open one, watch its live
 * results, close it. Renders nothing for anyone `mayHostEvent` refuses (the server refuses them too).
 * Mounted in the Q&A panel (the host bar opens it).
 */
export function QnaHostPanel() {
  const { t } = useTranslation();
  const m = useQnaHostModel();
  if (!m.allowed) return null;
  return (
    <section className="qna-host" data-testid="qna-host" aria-label={t('qnaHost.title')}>
      <h3>{t('qnaHost.title')}</h3>
      {m.onScreen ? (
        <div className="qna-on-screen" data-testid="qna-host-on-screen">
          <p className="qna-text">{m.onScreen.text}</p>
          <p className="muted">{m.onScreen.askerName}</p>
          <button type="button" className="button primary" data-testid="qna-host-done" onClick={m.done}>
            {t('qnaHost.markAnswered')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('qnaHost.nothingOnScreen')}</p>
      )}
      <QuestionList
        questions={m.questions}
        actions={(q) => (
          <span className="row">
            <button type="button" className="button primary" data-testid="qna-host-pick" onClick={() => m.pick(q.id)}>
              {t('qnaHost.pick')}
            </button>
            <button type="button" className="button ghost" data-testid="qna-host-hide" onClick={() => m.hide(q.id)}>
              {t('qnaHost.hide')}
            </button>
          </span>
        )}
      />
      {m.poll && <PollCard poll={m.poll} />}
      {m.pollOpen ? (
        <button type="button" className="button primary" data-testid="qna-host-poll-close" onClick={m.closePoll}>
          {t('qnaHost.closePoll')}
        </button>
      ) : (
        <PollForm onOpen={m.openPoll} />
      )}
    </section>
  );
}
