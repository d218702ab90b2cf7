import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { QnaHostPanel } from '../host/QnaHostPanel.tsx';
import { AskForm } from './AskForm.tsx';
import { PollCard } from './PollCard.tsx';
import { QuestionList } from './QuestionList.tsx';
import { useQnaModel } from './useQnaModel.ts';
import './qna.css';

/**
 * The Q&A panel's DOM skin: the question on the big screens, the poll (vote, live results), the
 * question field and the ranked questions with upvotes. The event's host also gets the host controls.
 */
export function QnaPanel() {
  const { t } = useTranslation();
  const m = useQnaModel();
  return (
    <PanelFrame title={m.title} testId="qna-panel" onClose={m.close} className="qna-panel" focusOnOpen>
      {!m.hasEvent && <p className="empty">{t('qna.noEvent')}</p>}
      {m.onScreen && (
        <section className="qna-on-screen" data-testid="qna-on-screen">
          <h3 className="field-label">{t('qna.onScreen')}</h3>
          <p className="qna-text">{m.onScreen.text}</p>
          <p className="muted">{m.onScreen.askerName}</p>
        </section>
      )}
      {m.poll && <PollCard poll={m.poll} onVote={m.votePoll} />}
      {m.hasEvent && <AskForm onAsk={m.ask} />}
      {m.error && (
        <p className="error" role="alert" data-testid="qna-error">
          {m.error}
        </p>
      )}
      {m.hasEvent && <QuestionList questions={m.questions} onUpvote={m.upvote} />}
      {m.isHost && <QnaHostPanel />}
    </PanelFrame>
  );
}
