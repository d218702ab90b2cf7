import { useTranslation } from 'react-i18next';
import { formatOrderDate } from '../../i18n/format.ts';
import { useApp } from '../../state/context.tsx';
import { errorReason } from '../shared/errorReason.ts';
import { proofOutcome } from './raffleLogic.ts';
import { useRaffleProof } from './useRaffleProof.ts';

/**
 * The raffle's proof, step by step (commitment, the closed entrant list and its hash, the seed and
 * winners), each check the browser ran on it, and the verdict: "Verified ✓" or the check that failed.
 */
export function RaffleProofView({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const locale = useApp((s) => s.profile.locale);
  const state = useRaffleProof(eventId);
  const when = (iso: string | null) => (iso ? formatOrderDate(iso, locale) : '—');
  if (state.kind === 'loading') return <p className="muted small">{t('raffle.proofLoading')}</p>;
  if (state.kind === 'failed') return <p className="error">{t('raffle.proofFailed', { reason: errorReason(t, state.error) })}</p>;
  const { proof, verdict } = state;
  const outcome = proofOutcome(verdict);
  return (
    <section className="raffle-proof" data-testid="raffle-proof" aria-label={t('raffle.proofTitle')}>
      <h4 className="field-label">{t('raffle.proofTitle')}</h4>
      <ol className="raffle-steps">
        <li>
          <strong>{t('raffle.step.committed')}</strong>{' '}
          <span className="muted small">{when(proof.openedAt ?? proof.createdAt)}</span>
          <code data-testid="proof-commitment">{proof.commitment}</code>
        </li>
        {proof.entrants && (
          <li>
            <strong>{t('raffle.step.closed')}</strong> <span className="muted small">{when(proof.closedAt)}</span>
            <span className="small">{t('raffle.entrants', { count: proof.entrants.length })}</span>
            <code className="raffle-list">{proof.entrants.join(' ')}</code>
            <code data-testid="proof-entrants-hash">{proof.entrantsHash}</code>
          </li>
        )}
        {proof.seed && (
          <li>
            <strong>{t('raffle.step.revealed')}</strong> <span className="muted small">{when(proof.revealedAt)}</span>
            <code data-testid="proof-seed">{proof.seed}</code>
            <span className="small">
              {t('raffle.winners')}: <code data-testid="proof-winners">{proof.winners?.join(', ') || t('raffle.noWinners')}</code>
            </span>
          </li>
        )}
      </ol>
      <ul className="raffle-checks">
        {verdict.checks.map((c) => (
          <li key={c.name} data-testid={`proof-check-${c.name}`} data-ok={String(c.ok)}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {t(`raffle.check.${c.name}`)}{' '}
            <span className="sr-only">{c.ok ? t('raffle.passed') : t('raffle.failedCheck')}</span>
          </li>
        ))}
      </ul>
      <p
        className={outcome.ok ? 'status raffle-verdict' : 'error raffle-verdict'}
        data-testid="proof-verdict"
        data-ok={String(outcome.ok)}
        role="status"
      >
        {outcome.ok
          ? t('raffle.verified')
          : outcome.notRevealed
            ? t('raffle.notYet')
            : t('raffle.checkFailed', { check: t(`raffle.check.${outcome.failed}`) })}
      </p>
    </section>
  );
}
