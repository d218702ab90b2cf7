import { useTranslation } from 'react-i18next';
import { useMatchModel } from './useMatchModel.ts';
import { useIdleChrome } from './useIdleChrome.ts';

/** Volume, mute and captions: the same in the arena and in the 360° view. */
function SoundControls({ m }: { m: ReturnType<typeof useMatchModel> }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button ghost small" data-testid="match-mute" aria-pressed={m.muted} onClick={m.toggleMute}>
        {m.muted ? t('match.unmute') : t('match.mute')}
      </button>
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round((m.muted ? 0 : m.volume) * 100)}
        aria-label={t('match.volume')}
        data-testid="match-volume"
        onChange={(e) => m.setVolume(Number(e.target.value) / 100)}
      />
      <button
        type="button"
        className="button ghost small"
        data-testid="match-captions"
        aria-pressed={m.captionsOn}
        onClick={m.toggleCaptions}
      >
        {t('match.captions')}
      </button>
    </>
  );
}

/** The venue host's match clock: play/pause, seek, and which angle the director's cut shows. */
function HostControls({ host }: { host: NonNullable<ReturnType<typeof useMatchModel>['host']> }) {
  const { t } = useTranslation();
  return (
    <section className="match-host" data-testid="match-host" aria-label={t('match.hostTitle')}>
      <strong className="small">{t('match.hostTitle')}</strong>
      <button
        type="button"
        className="button primary small"
        data-testid="match-host-toggle"
        onClick={host.playing ? host.pause : host.play}
      >
        {host.playing ? t('match.pause') : t('match.play')}
      </button>
      <input
        type="range"
        min={0}
        max={host.durationMs}
        step={500}
        value={Math.round(host.positionMs)}
        aria-label={t('match.seek')}
        data-testid="match-host-seek"
        onChange={(e) => host.seek(Number(e.target.value))}
      />
      <span className="small muted" data-testid="match-host-position">
        {host.position} / {host.duration}
      </span>
      <select
        aria-label={t('match.directorAngle')}
        data-testid="match-host-director"
        value={host.director}
        onChange={(e) => host.setDirector(e.target.value)}
      >
        {host.directorOptions.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </section>
  );
}

/**
 * The match's DOM skin: the Watch in 360° button, sound and captions, the angle choice and the way
 * back while in the 360° view, the caption line, the shoppable-moment card, and the host's controls.
 */
export function MatchOverlay() {
  const { t } = useTranslation();
  const m = useMatchModel();
  useIdleChrome(m.view360);
  if (!m.available) return null;
  return (
    <>
      <div className={`match-bar ${m.view360 ? 'in-360' : ''}`} data-testid="match-bar">
        {m.view360 ? (
          <>
            <button type="button" className="button primary small" data-testid="match-back" onClick={m.exit360}>
              {m.backLabel}
            </button>
            <fieldset className="match-angles">
              <legend className="sr-only">{t('match.angle')}</legend>
              {m.angles.map((a) => (
                <button
                  key={a.id ?? 'director'}
                  type="button"
                  className={`button small ${a.selected ? 'primary' : 'ghost'}`}
                  aria-pressed={a.selected}
                  data-testid={`match-angle-${a.id ?? 'director'}`}
                  onClick={() => m.chooseAngle(a.id)}
                >
                  {a.label}
                </button>
              ))}
            </fieldset>
          </>
        ) : (
          <button type="button" className="button primary small" data-testid="match-360" onClick={m.enter360}>
            {m.watch360Label}
          </button>
        )}
        <SoundControls m={m} />
      </div>
      {m.caption && (
        <p className="match-caption" data-testid="match-caption" aria-live="polite">
          {m.caption}
        </p>
      )}
      {m.moment && (
        <aside className="match-moment" data-testid="match-moment" data-moment={m.moment.id}>
          <span className="small muted">{t('match.momentTitle')}</span>
          <strong>{m.moment.label}</strong>
          <span>
            {m.moment.productName} · {m.moment.price}
          </span>
          <div className="row">
            <button type="button" className="button ghost small" data-testid="match-moment-open" onClick={m.openMoment}>
              {t('match.momentOpen')}
            </button>
            <button
              type="button"
              className="button primary small"
              data-testid="match-moment-add"
              disabled={m.moment.adding || m.moment.added}
              onClick={() => void m.addMoment()}
            >
              {m.moment.added ? t('product.added') : t('match.momentAdd')}
            </button>
          </div>
        </aside>
      )}
      {m.host && <HostControls host={m.host} />}
    </>
  );
}
