import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/context.tsx';

export interface LoadingScreenProps {
  /** What is loading now, already translated. */
  detail: string;
}

/** The first screen: brand and a real progress bar (catalog, then the product models). */
export function LoadingScreen({ detail }: LoadingScreenProps) {
  const { t } = useTranslation();
  const progress = useApp((s) => s.loadProgress);
  const percent = Math.round(progress * 100);
  return (
    <div className="screen loading" data-testid="loading-screen">
      <div className="loading-box">
        <p className="brand big">{t('app.title')}</p>
        <p className="muted">{t('app.tagline')}</p>
        <h1>{t('loading.title')}</h1>
        <div
          className="progress"
          role="progressbar"
          aria-label={t('loading.progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          data-testid="loading-progress"
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="muted">
          {detail} · {percent}%
        </p>
      </div>
    </div>
  );
}
