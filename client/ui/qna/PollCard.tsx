import { useTranslation } from 'react-i18next';
import type { PollView } from './qnaLogic.ts';

export interface PollCardProps {
  poll: PollView;
  /** Votes for an option; absent for a read-only card (the host's view). */
  onVote?: (pollId: string, option: number) => void;
}

/** A poll: its question, a button per option while it is open and the visitor has not voted, and live result bars. */
export function PollCard({ poll, onVote }: PollCardProps) {
  const { t } = useTranslation();
  return (
    <section className="poll-card" data-testid="poll-card" data-open={poll.open} aria-label={t('qna.poll')}>
      <h3 className="field-label">{poll.open ? t('qna.pollOpen') : t('qna.pollClosed')}</h3>
      <p className="poll-question">{poll.question}</p>
      <ul className="poll-options">
        {poll.options.map((o) => (
          <li
            key={o.index}
            data-testid={`poll-option-${o.index}`}
            data-count={o.count}
            className={o.chosen ? 'chosen' : undefined}
          >
            {onVote && poll.canVote ? (
              <button
                type="button"
                className="button ghost"
                data-testid={`poll-vote-${o.index}`}
                onClick={() => onVote(poll.id, o.index)}
              >
                {o.label}
              </button>
            ) : (
              <span className="poll-label">
                {o.label}
                {o.chosen && <span className="tag">{t('qna.yourVote')}</span>}
              </span>
            )}
            <span className="poll-bar" aria-hidden="true">
              <i style={{ width: `${Math.round(o.share * 100)}%` }} />
            </span>
            <span className="poll-count">{t('qna.votes', { count: o.count })}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('qna.pollTotal', { count: poll.total })}</p>
    </section>
  );
}
