import { useTranslation } from 'react-i18next';
import { useReachModel } from './useReachModel.ts';
import './reach.css';

/** The offer a click on a far product opens: "Court Runner 2 is out of reach." [Take me there] [Not now]. */
export function ReachOffer() {
  const { t } = useTranslation();
  const m = useReachModel();
  if (!m.offer) return null;
  return (
    <div className="reach-offer" data-testid="reach-offer" data-product-id={m.offer.id} role="dialog" aria-label={m.offer.text}>
      <span>{m.offer.text}</span>
      <button type="button" className="button primary" data-testid="reach-go" onClick={m.takeMeThere}>
        {t('reach.takeMeThere')}
      </button>
      <button type="button" className="button ghost" data-testid="reach-dismiss" onClick={m.dismiss}>
        {t('reach.notNow')}
      </button>
    </div>
  );
}
