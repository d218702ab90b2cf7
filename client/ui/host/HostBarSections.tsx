import { useTranslation } from 'react-i18next';
import type { HostBarModel } from './useHostBarModel.ts';

/** The drop's row of the host bar: units and the next step (create, open entries, close and draw). */
export function HostDropControls({ m }: { m: HostBarModel }) {
  const { t } = useTranslation();
  return (
    <fieldset className="host-bar-row" aria-label={t('host.drop.title')} data-testid="host-drop">
      <span className="small">{t('host.drop.title')}</span>
      {m.dropStep === 'create' && (
        <label className="small">
          {t('host.drop.units')}{' '}
          <input
            type="number"
            min={1}
            max={10_000}
            value={m.units}
            data-testid="host-drop-units"
            onChange={(e) => m.setUnits(Number(e.target.value))}
          />
        </label>
      )}
      {m.dropStep ? (
        <button
          type="button"
          className="button small"
          data-testid={`host-drop-${m.dropStep}`}
          disabled={m.busy}
          onClick={() => void m.runDrop()}
        >
          {t(`host.drop.${m.dropStep}`)}
        </button>
      ) : null}
      {m.drop && (
        <span className="small muted" data-testid="host-drop-status">
          {t(`host.drop.status.${m.drop.status}`, { entrants: m.drop.entrants, units: m.drop.drawnUnits ?? m.drop.units })}
        </span>
      )}
    </fieldset>
  );
}

/** The raffle's row of the host bar: the prize, then each step in order (create, open, close, reveal). */
export function HostRaffleControls({ m }: { m: HostBarModel }) {
  const { t } = useTranslation();
  return (
    <fieldset className="host-bar-row" aria-label={t('host.raffle.title')} data-testid="host-raffle">
      <span className="small">{t('host.raffle.title')}</span>
      {m.raffleStep === 'create' && (
        <input
          type="text"
          maxLength={80}
          placeholder={t('host.raffle.defaultPrize')}
          aria-label={t('host.raffle.prize')}
          value={m.prize}
          data-testid="host-raffle-prize"
          onChange={(e) => m.setPrize(e.target.value)}
        />
      )}
      {m.raffleStep ? (
        <button
          type="button"
          className="button small"
          data-testid={`host-raffle-${m.raffleStep}`}
          disabled={m.busy}
          onClick={() => void m.runRaffle()}
        >
          {t(`host.raffle.${m.raffleStep}`)}
        </button>
      ) : null}
      {m.raffle && (
        <span className="small muted" data-testid="host-raffle-status">
          {t(`host.raffle.status.${m.raffle.state}`, { entrants: m.raffle.entrantCount })}
        </span>
      )}
    </fieldset>
  );
}
