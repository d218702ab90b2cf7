import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';

/**
 * Shown in a tab whose place in the arena another tab or device of the same visitor took (one avatar
 * per visitor): says so, and offers to take the arena back here (which closes that other one).
 */
export function TakenOverNotice() {
  const { t } = useTranslation();
  const { connection } = useServices();
  const takenOver = useApp((s) => s.takenOver);
  const [joining, setJoining] = useState(false);
  if (!takenOver) return null;
  const takeBack = () => {
    setJoining(true);
    connection
      .join()
      .catch(() => undefined)
      .finally(() => setJoining(false));
  };
  return (
    <div className="taken-over" data-testid="taken-over" role="alertdialog" aria-labelledby="taken-over-text">
      <p id="taken-over-text">{t('presence.takenOver')}</p>
      <button type="button" className="button primary" data-testid="take-back" disabled={joining} onClick={takeBack}>
        {t('presence.takeBack')}
      </button>
    </div>
  );
}
