import { useTranslation } from 'react-i18next';
import { useOfferCards } from './useOfferCards.ts';

/** Every visitor's limited-time offer cards (DOM): the offer, its countdown, and a close button. */
export function OfferCards() {
  const { t } = useTranslation();
  const cards = useOfferCards();
  if (cards.length === 0) return null;
  return (
    <section className="offer-cards" aria-live="polite" aria-label={t('offers.title')}>
      {cards.map((c) => (
        <div key={c.id} className="offer-card" data-testid="offer-card" data-offer-id={c.id} role="status">
          <div className="offer-card-body">
            <span className="offer-card-title">{t('offers.title')}</span>
            {c.open ? (
              <button type="button" className="link offer-card-headline" data-testid="offer-card-headline" onClick={c.open}>
                {c.headline}
              </button>
            ) : (
              <span className="offer-card-headline" data-testid="offer-card-headline">
                {c.headline}
              </span>
            )}
            <span className="offer-card-clock" data-testid="offer-card-clock">
              {c.endsIn}
            </span>
          </div>
          <button
            type="button"
            className="icon-button"
            data-testid="offer-card-dismiss"
            aria-label={t('offers.dismiss')}
            onClick={c.dismiss}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
