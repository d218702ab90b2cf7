import { useTranslation } from 'react-i18next';
import { CardFields } from '../checkout/CardFields.tsx';
import { DemoCardsNote } from '../checkout/DemoCardsNote.tsx';
import { useGroupBuyModel } from './useGroupBuyModel.ts';

/** The product card's group-buy box (DOM skin); nothing for a product without a group price. */
export function GroupBuyBox() {
  const { t } = useTranslation();
  const m = useGroupBuyModel();
  if (!m) return null;
  return (
    <section className="group-buy" data-testid="group-buy" data-mine={m.mine} aria-label={t('groupBuy.title')}>
      <div className="group-buy-head">
        <span className="group-buy-tag">{t('groupBuy.title')}</span>
        <strong className="group-buy-price" data-testid="group-price">
          {m.groupPrice}
        </strong>
        <s className="muted">{m.regularPrice}</s>
      </div>
      <p className="note">{m.dealNote}</p>
      {m.progress && (
        <div className="group-buy-progress">
          <div
            className="group-buy-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(m.ratio * 100)}
          >
            <span style={{ width: `${m.ratio * 100}%` }} />
          </div>
          <span data-testid="group-progress" aria-live="polite">
            {m.progress}
          </span>
          <span className="muted" data-testid="group-time-left">
            {m.timeLeft}
          </span>
        </div>
      )}
      {m.joined && (
        <p className="note" data-testid="group-joined" aria-live="polite">
          {m.joined}
        </p>
      )}
      {m.status && (
        <p className={m.mine === 'declined' ? 'error' : 'status'} data-testid="group-status" role="status">
          {m.status}
        </p>
      )}
      {m.step === 'idle' ? (
        <div className="button-row">
          {m.offersJoin && (
            <button type="button" className="button primary" data-testid="group-join" disabled={!m.canJoin} onClick={m.startJoin}>
              {m.joinLabel}
            </button>
          )}
          <button type="button" className="button ghost" data-testid="group-share" data-url={m.shareUrl} onClick={m.share}>
            {m.shareLabel}
          </button>
        </div>
      ) : (
        <form
          className="card-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            m.confirm();
          }}
        >
          <p className="note" data-testid="group-confirm-note">
            {m.confirmNote}
          </p>
          {m.cardForm === 'stripe' ? (
            <div className="stripe-card" ref={m.stripeCard} data-testid="group-stripe-card" />
          ) : (
            <>
              <CardFields card={m.card} testId="group-card" />
              <DemoCardsNote />
            </>
          )}
          {m.failure && (
            <p className="error" data-testid="group-failure" role="alert">
              {m.failure}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button ghost" onClick={m.cancel}>
              {t('groupBuy.cancel')}
            </button>
            <button type="submit" className="button primary grow" data-testid="group-confirm" disabled={m.step === 'joining'}>
              {m.step === 'joining' ? t('groupBuy.joining') : t('groupBuy.confirm', { price: m.groupPrice })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
