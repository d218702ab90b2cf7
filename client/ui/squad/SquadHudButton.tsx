import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';

/** The HUD's squad button: opens the squad panel; shows how many are in the squad once there is one. */
export function SquadHudButton() {
  const { t } = useTranslation();
  const { store } = useServices();
  const members = useApp((s) => s.squad?.members.length ?? 0);
  return (
    <button
      type="button"
      className="button ghost"
      data-testid="hud-squad"
      data-members={members}
      onClick={() => store.getState().openPanel('squad')}
    >
      {members > 0 ? t('squad.hudCount', { count: members }) : t('squad.hud')}
    </button>
  );
}
