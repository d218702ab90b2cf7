import type { TFunction } from 'i18next';
import type { StageDirect, StageVoiceStatus } from '../../state/voiceSlice.ts';

/** What the stage voice bar says: the direct stage (no media server) names its seats and, to the host, how many listen. */
export function stageLine(t: TFunction, status: StageVoiceStatus, direct: StageDirect | null): string {
  if (status === 'off') return '';
  if (direct && status === 'onAir') return t('stageVoice.onAirDirect', { count: direct.listening, max: direct.max });
  if (direct && status === 'listening') return t('stageVoice.listeningDirect');
  if (status === 'full') return t('stageVoice.full', { max: direct?.max ?? 0 });
  return t(`stageVoice.${status}`);
}
