import { useTranslation } from 'react-i18next';
import type { QuestionItem } from './qnaLogic.ts';

export interface QuestionListProps {
  questions: readonly QuestionItem[];
  /** Upvotes a question (visitors); absent where the list has other actions. */
  onUpvote?: (questionId: string) => void;
  /** Extra buttons per question (the host's pick and hide). */
  actions?: (question: QuestionItem) => React.ReactNode;
}

/** The waiting questions in the server's ranking: text, asker, upvotes, and the visitor's own marked "yours". */
export function QuestionList({ questions, onUpvote, actions }: QuestionListProps) {
  const { t } = useTranslation();
  if (questions.length === 0) return <p className="empty">{t('qna.noQuestions')}</p>;
  return (
    <ol className="qna-questions" data-testid="qna-questions">
      {questions.map((q) => (
        <li
          key={q.id}
          data-testid="qna-question"
          data-id={q.id}
          data-votes={q.votes}
          data-mine={q.mine}
          className={q.mine ? 'mine' : undefined}
        >
          <p className="qna-text">{q.text}</p>
          <p className="muted">
            {q.askerName}
            {q.mine && <span className="tag">{t('qna.yours')}</span>}
          </p>
          <span className="qna-votes">{t('qna.votes', { count: q.votes })}</span>
          {onUpvote && (
            <button
              type="button"
              className="button ghost"
              data-testid="qna-upvote"
              disabled={!q.canUpvote}
              aria-pressed={q.voted}
              onClick={() => onUpvote(q.id)}
            >
              {q.voted ? t('qna.upvoted') : t('qna.upvote')}
            </button>
          )}
          {actions?.(q)}
        </li>
      ))}
    </ol>
  );
}
