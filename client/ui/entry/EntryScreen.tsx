import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/money.ts';
import type { Locale } from '../../../shared/i18nText.ts';
import { useEntryModel } from './useEntryModel.ts';
import { colourNameKey } from '../avatar/profileLogic.ts';
import { useXrEntryModel } from './useXrEntryModel.ts';
import { EntryLaunch } from '../events/EntryLaunch.tsx';

interface ImmersiveEnterProps {
  testId: string;
  primary?: boolean;
  disabled: boolean;
  /** Requests the XR session (enterVR / enterAR). */
  start: () => void;
  /** What Enter does: session, room, arena. */
  enter: () => Promise<void>;
  children: ReactNode;
}

/** Enter in VR / View in your room: starts the immersive session, then enters as Enter does. */
function ImmersiveEnter({ testId, primary = false, disabled, start, enter, children }: ImmersiveEnterProps) {
  return (
    <button
      type="button"
      className={`button ${primary ? 'primary' : 'ghost'} wide big`}
      data-testid={testId}
      disabled={disabled}
      onClick={() => {
        // NOTE: WebXR needs the user's click on the stack: the session is requested before any await.
        start();
        void enter();
      }}
    >
      {children}
    </button>
  );
}

/**
 * The entry screen's DOM skin, over the arena backdrop: name, avatar colour, language, currency, Enter,
 * Enter in VR where the browser offers immersive-vr (then the first, main button: the name is optional),
 * and View in your room where it offers immersive-ar; the next launch (or the card of the event a share
 * link named) under the title.
 */
export function EntryScreen() {
  const { t } = useTranslation();
  const m = useEntryModel();
  const xr = useXrEntryModel();
  return (
    <div className="screen entry" data-testid="entry-screen" data-xr-asked={xr.asked}>
      <form
        className="entry-card"
        onSubmit={(e) => {
          e.preventDefault();
          void m.enter();
        }}
      >
        <p className="brand">{t('app.title')}</p>
        <h1>{m.title}</h1>
        {m.welcomeBack ? <p className="welcome">{m.welcomeBack}</p> : <p className="muted">{t('entry.subtitle')}</p>}
        {xr.canOfferVr && (
          <ImmersiveEnter testId="entry-enter-vr" primary disabled={!m.canEnter || !xr.ready} start={xr.enterVr} enter={m.enter}>
            {t('entry.enterVr')}
          </ImmersiveEnter>
        )}
        {xr.canOfferAr && (
          <ImmersiveEnter testId="entry-view-in-room" disabled={!m.canEnter || !xr.arReady} start={xr.enterAr} enter={m.enter}>
            {t('entry.viewInRoom')}
          </ImmersiveEnter>
        )}
        <EntryLaunch />

        <label className="field">
          <span className="field-label">{t('entry.name')}</span>
          <input
            data-testid="entry-name"
            value={m.name}
            maxLength={24}
            autoComplete="nickname"
            placeholder={m.guestName}
            aria-describedby="entry-name-hint"
            onChange={(e) => m.setName(e.target.value)}
          />
          <span id="entry-name-hint" className="muted small">
            {t('entry.nameHint')}
          </span>
        </label>

        <fieldset className="field">
          <legend className="field-label">{t('entry.color')}</legend>
          <div className="swatches">
            {m.swatches.map((s) => (
              <button
                key={s.color}
                type="button"
                className={`swatch ${s.selected ? 'selected' : ''}`}
                style={{ background: s.color }}
                aria-label={t('entry.swatch', { color: t(colourNameKey(s.color)) })}
                aria-pressed={s.selected}
                data-testid="entry-swatch"
                data-color={s.color}
                onClick={() => m.setColor(s.color)}
              />
            ))}
            <label className="swatch custom" title={t('entry.customColor')}>
              <input
                type="color"
                data-testid="entry-color-input"
                aria-label={t('entry.customColor')}
                value={m.color}
                onChange={(e) => m.setColor(e.target.value)}
              />
            </label>
          </div>
        </fieldset>

        <div className="field-row">
          <label className="field">
            <span className="field-label">{t('entry.language')}</span>
            <select data-testid="entry-language" value={m.locale} onChange={(e) => m.setLocale(e.target.value as Locale)}>
              {m.locales.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('entry.currency')}</span>
            <select data-testid="entry-currency" value={m.currency} onChange={(e) => m.setCurrency(e.target.value as Currency)}>
              {m.currencies.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        </div>

        <details className="field host-signin">
          <summary className="muted small">{t('entry.hostSummary')}</summary>
          <label className="field">
            <span className="field-label">{t('entry.adminToken')}</span>
            <input
              type="password"
              data-testid="entry-admin-token"
              value={m.adminToken}
              autoComplete="off"
              maxLength={256}
              onChange={(e) => m.setAdminToken(e.target.value)}
            />
            <span className="muted small">{t('entry.adminTokenHint')}</span>
          </label>
        </details>

        {m.error && (
          <p className="error" data-testid="entry-error" role="alert">
            {m.error}
          </p>
        )}
        {/* NOTE: on a headset, Enter in VR is the main button and comes first (above the fold); Enter the arena is the plain one. */}
        <button
          type="submit"
          className={`button ${xr.canOfferVr ? 'ghost' : 'primary'} wide big`}
          data-testid="entry-enter"
          disabled={!m.canEnter}
        >
          {m.entering ? t('entry.entering') : t('entry.enter')}
        </button>
      </form>
    </div>
  );
}
