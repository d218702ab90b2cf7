import type { AppStore } from '../../state/createAppStore.ts';
import type { StageVoice } from './stageVoice.ts';

/** The page's stage voice, made once in main.tsx; its code (WebRTC to the media server) loads on first use. */
export interface StageVoiceService {
  get(): Promise<StageVoice>;
}

/** Makes the stage voice service; nothing of it loads until an event's stage opens. */
export function createStageVoiceService(store: AppStore): StageVoiceService {
  let made: Promise<StageVoice> | null = null;
  return {
    get() {
      made ??= Promise.all([import('./stageVoice.ts'), import('../../net/stageVoiceGrant.ts')])
        .then(([m, net]) => m.createStageVoice(store, (eventId) => net.fetchStageVoiceGrant(eventId, store.getState().token)))
        .catch((err: unknown) => {
          made = null;
          throw err;
        });
      return made;
    },
  };
}
