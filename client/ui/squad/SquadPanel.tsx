import { useTranslation } from 'react-i18next';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { SquadMiniMap } from './SquadMiniMap.tsx';
import { type SquadModel, useSquadModel } from './useSquadModel.ts';
import './squad.css';

/** The squad panel's DOM skin: create or join, the invite, members on a mini-map, and the squad cart. */
export function SquadPanel() {
  const { t } = useTranslation();
  const m = useSquadModel();
  return (
    <PanelFrame title={m.title} testId="squad-panel" onClose={m.close} className="squad-panel">
      {m.inSquad ? <SquadView m={m} /> : <SquadStart m={m} />}
      {m.error && (
        <p className="squad-error" data-testid="squad-error" role="alert">
          {m.error}
        </p>
      )}
      {m.inSquad && (
        <button type="button" className="link danger" data-testid="squad-leave" disabled={m.busy} onClick={() => void m.leave()}>
          {t('squad.leave')}
        </button>
      )}
    </PanelFrame>
  );
}

function SquadStart({ m }: { m: SquadModel }) {
  const { t } = useTranslation();
  return (
    <div className="squad-start">
      <p className="muted">{t('squad.intro')}</p>
      <button
        type="button"
        className="button primary wide"
        data-testid="squad-create"
        disabled={m.busy}
        onClick={() => void m.create()}
      >
        {t('squad.create')}
      </button>
      <form
        className="squad-join"
        onSubmit={(e) => {
          e.preventDefault();
          void m.join();
        }}
      >
        <label className="field-label" htmlFor="squad-code">
          {t('squad.joinLabel')}
        </label>
        <div className="button-row">
          <input
            id="squad-code"
            data-testid="squad-code-input"
            value={m.codeDraft}
            maxLength={12}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('squad.codePlaceholder')}
            onChange={(e) => m.setCodeDraft(e.target.value)}
          />
          <button type="submit" className="button" data-testid="squad-join" disabled={m.busy || m.codeDraft.trim() === ''}>
            {t('squad.join')}
          </button>
        </div>
      </form>
    </div>
  );
}

function SquadView({ m }: { m: SquadModel }) {
  const { t } = useTranslation();
  const self = m.members.find((x) => x.self);
  const mates = m.members.flatMap((x) => (!x.self && x.sessionId ? [{ sessionId: x.sessionId, color: x.color }] : []));
  return (
    <>
      <div className="squad-invite">
        <div>
          <span className="field-label">{t('squad.code')}</span>
          <strong className="squad-code" data-testid="squad-code">
            {m.code}
          </strong>
        </div>
        <div className="squad-link">
          <input
            readOnly
            value={m.link}
            data-testid="squad-link"
            aria-label={t('squad.link')}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button small" data-testid="squad-copy" onClick={m.copyLink}>
            {m.copied ? t('squad.copied') : t('squad.copy')}
          </button>
        </div>
      </div>
      <div className="squad-people">
        <ul className="squad-members" data-testid="squad-members">
          {m.members.map((x) => (
            <li key={x.id} data-testid="squad-member" data-online={x.online}>
              <i className="squad-dot" style={{ background: x.color }} aria-hidden="true" />
              <span className="squad-member-name">{x.name}</span>
              <span className={`squad-status ${x.online ? 'on' : ''}`}>{x.status}</span>
            </li>
          ))}
        </ul>
        <SquadMiniMap mates={mates} selfColor={self?.color ?? '#ffffff'} label={t('squad.map')} />
      </div>
      <h3 className="field-label">{t('squad.cart')}</h3>
      <div className="squad-cart" data-testid="squad-cart">
        {m.members.map((x) => (
          <section key={x.id} className="squad-cart-member" data-testid="squad-cart-member" data-self={x.self}>
            <header>
              <i className="squad-dot" style={{ background: x.color }} aria-hidden="true" />
              <span>{x.name}</span>
              <strong data-testid="squad-member-total">{x.total}</strong>
            </header>
            {x.empty ? (
              <p className="muted small">{t('squad.noLines')}</p>
            ) : (
              <ul className="lines compact">
                {x.lines.map((l) => (
                  <li key={l.key} className="line" data-testid="squad-line" data-sku={l.key}>
                    <span className="chip small" style={{ background: l.swatch }} />
                    <div className="line-main">
                      <button type="button" className="link line-name" onClick={l.open}>
                        {l.name}
                      </button>
                      <span className="muted">
                        {l.colourway} · {l.size} · {l.quantity}
                      </span>
                    </div>
                    <strong>{l.lineTotal}</strong>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <div className="total-row">
        <span>{t('squad.total')}</span>
        <strong data-testid="squad-total">{m.total}</strong>
      </div>
      <button
        type="button"
        className="button primary wide"
        data-testid="squad-checkout-mine"
        disabled={!m.canCheckoutMine}
        onClick={m.checkoutMine}
      >
        {t('squad.checkoutMine')}
      </button>
    </>
  );
}
