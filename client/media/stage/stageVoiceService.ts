import type { StageSignals } from '../../net/stageSignalBinding.ts';
import type { AppStore } from '../../state/createAppStore.ts';
import type { StageVoice } from './stageVoice.ts';

/** The page's stage voice, made once in main.tsx; its code (WebRTC to the media server or the host's browser) loads on first use. */
export interface StageVoiceService {
  get(): Promise<StageVoice>;
}

/** Makes the stage voice service; nothing of it loads until an event's stage opens. `signals` carry the direct stage. */
export function createStageVoiceService(store: AppStore, signals: StageSignals): StageVoiceService {
  let made: Promise<StageVoice> | null = null;
  return {
    get() {
      made ??= Promise.all([import('./stageVoice.ts'), import('../../net/stageVoiceGrant.ts')])
        .then(([m, net]) =>
          m.createStageVoice(store, (eventId) => net.fetchStageVoiceGrant(eventId, store.getState().token), undefined, signals),
        )
        .catch((err: unknown) => {
          made = null;
          throw err;
        });
      return made;
    },
  };
}
