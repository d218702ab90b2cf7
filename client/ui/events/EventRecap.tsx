import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '../../../shared/api.ts';
import type { EventRecap as Recap } from '../../../shared/recap.ts';
import { loadRecap } from '../../net/eventRecap.ts';
import { useApp } from '../../state/context.tsx';
import { errorReason } from '../shared/errorReason.ts';
import { formatEventStart } from './eventText.ts';
import { dropLine, formatDuration, raffleLine } from './recapText.ts';

/** What the recap shows while loading, once loaded, or why it failed. */
type Loaded = { kind: 'loading' } | { kind: 'ready'; recap: Recap } | { kind: 'failed'; reason: string };

/**
 * A past launch's recap on its event card: when the reveal was and how long the live sale ran, how the
 * drop went, the questions the host took (the Q&A transcript) and the polls, and the raffle's result
 * with a link to its public proof. Loaded once, when shown.
 */
export function EventRecap({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const locale = useApp((s) => s.profile.locale);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    loadRecap(eventId).then(
      (recap) => live && setLoaded({ kind: 'ready', recap }),
      (err: unknown) => live && setLoaded({ kind: 'failed', reason: errorReason(t, err) }),
    );
    return () => {
      live = false;
    };
  }, [eventId, t]);

  if (loaded.kind === 'loading') return <p className="muted small">{t('recap.loading')}</p>;
  if (loaded.kind === 'failed') return <p className="muted small">{t('recap.failed', { reason: loaded.reason })}</p>;
  const { recap } = loaded;
  const proof = `${API.events}/${encodeURIComponent(eventId)}/raffle`;
  return (
    <section className="event-recap" data-testid="event-recap" aria-label={t('recap.title')}>
      <p className="small">
        <strong>{t('recap.title')}</strong>
      </p>
      <ul className="small">
        <li data-testid="recap-reveal">
          {t('recap.revealedAt', { time: formatEventStart(Date.parse(recap.revealAt), locale) })}
        </li>
        <li>{t('recap.liveFor', { time: formatDuration(Date.parse(recap.endsAt) - Date.parse(recap.liveAt), locale) })}</li>
        {recap.drop && (
          <li data-testid="recap-drop">
            {t('recap.drop')}: {dropLine(t, recap.drop, locale)}
          </li>
        )}
        {recap.raffle && (
          <li data-testid="recap-raffle">
            {t('recap.raffle')}: {raffleLine(t, recap.raffle)} · <a href={proof}>{t('recap.proof')}</a>
          </li>
        )}
      </ul>
      {recap.questionsAsked > 0 && (
        <>
          <p className="small">{t('recap.questions', { taken: recap.questions.length, count: recap.questionsAsked })}</p>
          <ol className="small" data-testid="recap-questions">
            {recap.questions.map((q) => (
              <li key={q.pickedAt}>
                <strong>{q.askerName}</strong>: {q.text} <span className="muted">· {t('recap.votes', { count: q.votes })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {recap.polls.map((p) => (
        <p key={p.openedAt} className="small" data-testid="recap-poll">
          {t('recap.poll')}: {p.question} — {p.options.map((o, i) => `${o} ${p.counts[i] ?? 0}`).join(' · ')}
        </p>
      ))}
    </section>
  );
}
