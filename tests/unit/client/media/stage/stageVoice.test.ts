import { describe, expect, it } from 'vitest';
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

  it('reports a grant that could not be had as failed', async () => {
    const store = createAppStore();
    const voice = createStageVoice(store, grants(new Error('503')));
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await voice.join('launch');
    } finally {
      console.warn = warn;
    }
    expect(store.getState().stageVoice).toBe('failed');
  });
});
