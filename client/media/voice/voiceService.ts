import type { VoiceManager, VoiceServices } from './voiceManager.ts';

/** The app's voice, made once in main.tsx; its code (WebRTC, Web Audio) loads on first use. */
export interface VoiceService {
  /** The app's one voice manager, loading the voice code the first time it is asked for. */
  manager(): Promise<VoiceManager>;
}

/** Makes the app's voice service; nothing of voice loads until `manager()` is first called. */
export function createVoiceService(services: VoiceServices): VoiceService {
  let made: Promise<VoiceManager> | null = null;
  return {
    manager() {
      made ??= import('./voiceManager.ts')
        .then((m) => m.createVoiceManager(services))
        .catch((err: unknown) => {
          // NOTE: a chunk that failed to load (a flaky network) may load on the next click.
          made = null;
          throw err;
        });
      return made;
    },
  };
}
