import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/catalog.ts';
import { useOfferHost } from './useOfferHost.ts';

export interface OfferHostPanelProps {
  /** The launch event the offers are for. */
  eventId: string;
}

/**
 * The host's limited-time offers for one event (DOM): target, percent off and minutes, "Push offer",
 * and the offers running now with "Withdraw". Renders nothing for a visitor who may not host the event.
 * Standalone: the host bar mounts it with the event's id.
 */
export function OfferHostPanel({ eventId }: OfferHostPanelProps) {
  const { t } = useTranslation();
  const m = useOfferHost(eventId);
  if (!m) return null;
  return (
    <section className="offer-host" data-testid="offer-host" aria-label={t('offers.host.title')}>
      <h3 className="field-label">{t('offers.host.title')}</h3>
      <form
        className="offer-host-form"
        onSubmit={(e) => {
          e.preventDefault();
          void m.push();
        }}
      >
        <label>
          {t('offers.host.target')}
          <select
            data-testid="offer-host-target"
            value={m.form.target}
            onChange={(e) => m.change({ target: e.target.value as Category | 'products' })}
          >
            {m.targets.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        {m.form.target === 'products' && (
          <label>
            {t('offers.host.products')}
            <input
              data-testid="offer-host-products"
              value={m.form.productIds}
              onChange={(e) => m.change({ productIds: e.target.value })}
            />
          </label>
        )}
        <label>
          {t('offers.host.percent')}
          <input
            data-testid="offer-host-percent"
            type="number"
            min={1}
            max={90}
            value={m.form.percent}
            onChange={(e) => m.change({ percent: e.target.value })}
          />
        </label>
        <label>
          {t('offers.host.minutes')}
          <input
            data-testid="offer-host-minutes"
            type="number"
            min={1}
            max={60}
            value={m.form.minutes}
            onChange={(e) => m.change({ minutes: e.target.value })}
          />
        </label>
        <button type="submit" className="button primary" data-testid="offer-host-push" disabled={!m.canPush}>
          {m.busy ? t('offers.host.pushing') : t('offers.host.push')}
        </button>
      </form>
      {m.invalid && <p className="muted">{m.invalid}</p>}
      {m.error && (
        <p className="error" role="alert" data-testid="offer-host-error">
          {m.error}
        </p>
      )}
      <h4 className="field-label">{t('offers.host.active')}</h4>
      {m.running.length === 0 ? (
        <p className="muted">{t('offers.host.none')}</p>
      ) : (
        <ul className="offer-host-list">
          {m.running.map((o) => (
            <li key={o.id} data-testid="offer-host-offer" data-offer-id={o.id}>
              <span>{o.headline}</span> <span className="muted">{o.endsIn}</span>{' '}
              <button type="button" className="button ghost" data-testid="offer-host-withdraw" onClick={() => void o.withdraw()}>
                {t('offers.host.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
