import { describe, expect, it, vi } from 'vitest';
import { createStageVoice } from '../../../../../client/media/stage/stageVoice.ts';
import { createAppStore } from '../../../../../client/state/createAppStore.ts';
import type { StageVoiceGrant } from '../../../../../shared/stageVoice.ts';

const grants = (grant: StageVoiceGrant | Error) => async () => {
  if (grant instanceof Error) throw grant;
  return grant;
};

describe('createStageVoice', () => {
  it('says so on screen when the server has no media server', async () => {
    const store = createAppStore();
    const voice = createStageVoice(store, grants({ mode: 'none' }));
    await voice.join('launch');
    expect(store.getState().stageVoice).toBe('noServer');
    voice.leave();
    expect(store.getState().stageVoice).toBe('off');
  });

  it('waits for the host to go on air instead of listening to their own stage', async () => {
    const store = createAppStore();
    const grant = { mode: 'janus', role: 'host', server: 'http://127.0.0.1:1/janus', room: 7, pin: 'p', mountpoint: 9 } as const;
    const voice = createStageVoice(store, grants(grant));
    await voice.join('launch');
    expect(store.getState().stageVoice).toBe('off');
    expect((await voice.debug()).role).toBe('host');
  });

  it('shows a failed grant as failed, then tries again until it gets one, and stops trying once left', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const store = createAppStore();
      const answers: (StageVoiceGrant | Error)[] = [new Error('503'), { mode: 'none' }];
      let asked = 0;
      const voice = createStageVoice(store, async () => grants(answers[asked++] ?? new Error('no more'))(), 1000);
      await voice.join('launch');
      expect(store.getState().stageVoice).toBe('failed');
      await vi.advanceTimersByTimeAsync(1000);
      expect(store.getState().stageVoice).toBe('noServer');
      expect(asked).toBe(2);

      const gone = createStageVoice(store, grants(new Error('503')), 1000);
      await gone.join('launch');
      gone.leave();
      await vi.advanceTimersByTimeAsync(5000);
      expect(store.getState().stageVoice).toBe('off');
    } finally {
      warn.mockRestore();
      vi.useRealTimers();
    }
  });
});
