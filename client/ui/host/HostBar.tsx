import { useTranslation } from 'react-i18next';
import { useServices } from '../../state/context.tsx';
import { CountdownText } from '../events/CountdownText.tsx';
import { HostDropControls, HostRaffleControls } from './HostBarSections.tsx';
import { OfferHostPanel } from './OfferHostPanel.tsx';
import { useStepOnStage } from './useStepOnStage.ts';
import { useHostBarModel } from './useHostBarModel.ts';

/**
 * The host bar (DOM): shown only to whoever may run the event (shared/eventHosts.ts `mayHostEvent`)
 * — the arena's event, or an invited host's own. It moves the event through its phases (forward only;
 * the server refuses the rest), runs the drop and the raffle, and puts an invited host on the stage.
 * Without it the event's timeline runs unattended.
 */
export function HostBar() {
  const { t } = useTranslation();
  const { store } = useServices();
  const m = useHostBarModel();
  const stepOnStage = useStepOnStage(m.event);
  if (!m.event) return null;
  return (
    <section className="host-bar" data-testid="host-bar" data-phase={m.event.phase} aria-label={t('host.title')}>
      <header className="host-bar-head">
        <strong className="small">{t('host.title')}</strong>
        <span className="small" data-testid="host-phase">
          {t(`host.phaseName.${m.event.phase}`)}
        </span>
        <CountdownText times={m.event.times} testId="host-countdown" className="small muted" />
      </header>
      <fieldset className="host-bar-row" aria-label={t('host.phases')}>
        {m.phases.map((p) => (
          <button
            key={p.phase}
            type="button"
            className="button small"
            data-testid={`host-phase-${p.phase}`}
            disabled={!p.enabled || m.busy}
            onClick={() => void m.move(p.phase)}
          >
            {t(`host.move.${p.phase}`)}
          </button>
        ))}
        {stepOnStage && (
          <button type="button" className="button ghost small" data-testid="host-on-stage" onClick={stepOnStage}>
            {t('host.onStage')}
          </button>
        )}
      </fieldset>
      <HostDropControls m={m} />
      <HostRaffleControls m={m} />
      {/* NOTE: the Q&A host controls (QnaHostPanel) live in the Q&A panel, beside the questions they act on. */}
      <button
        type="button"
        className="button ghost small"
        data-testid="host-open-qna"
        onClick={() => store.getState().openPanel('qna')}
      >
        {t('qna.hud')}
      </button>
      <OfferHostPanel eventId={m.event.id} />
      {m.error && (
        <p className="small host-bar-error" role="alert" data-testid="host-error">
          {m.error}
        </p>
      )}
    </section>
  );
}
