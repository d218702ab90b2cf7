import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { useConfirmationModel } from './useConfirmationModel.ts';

/** The confirmation's DOM skin: the order number and total, and the way back to the arena. */
export function ConfirmationPanel() {
  const { t } = useTranslation();
  const m = useConfirmationModel();
  return (
    <PanelFrame title={t('confirmation.title')} testId="confirmation-panel" onClose={m.close} className="confirmation">
      <p className="big-check" aria-hidden="true">
        ✓
      </p>
      <p>{t('confirmation.paid')}</p>
      <dl className="facts">
        <dt>{t('confirmation.number')}</dt>
        <dd data-testid="order-number">{m.number}</dd>
        <dt>{t('confirmation.total')}</dt>
        <dd data-testid="confirmation-total">{m.total}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className="button ghost" data-testid="confirmation-orders" onClick={m.orders}>
          {t('confirmation.orders')}
        </button>
        <button type="button" className="button primary grow" data-testid="confirmation-back" onClick={m.back}>
          {t('confirmation.back')}
        </button>
      </div>
    </PanelFrame>
  );
}
