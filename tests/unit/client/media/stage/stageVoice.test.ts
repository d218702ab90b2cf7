import { describe, expect, it, vi } from 'vitest';
import { createStageVoice } from '../../../../../client/media/stage/stageVoice.ts';
import { createAppStore } from '../../../../../client/state/createAppStore.ts';
import type { ErrorBody } from '../../../../../shared/protocol.ts';
import type { StageSignalEvent, StageSignalSend, StageVoiceGrant } from '../../../../../shared/stageVoice.ts';
import type { StageSignals } from '../../../../../client/net/stageSignalBinding.ts';

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

/** Stage signalling with no server behind it: what the page sent, and a way to play the server's part. */
function fakeSignals() {
  const sent: StageSignalSend[] = [];
  let handler: ((e: StageSignalEvent) => void) | null = null;
  let refused: ((e: ErrorBody) => void) | null = null;
  let joined: (() => void) | null = null;
  const signals: StageSignals = {
    send: (s) => {
      sent.push(s);
      return true;
    },
    listen: (h) => {
      handler = h;
      return () => {
        handler = null;
      };
    },
    onJoined: (h) => {
      joined = h;
      return () => {
        joined = null;
      };
    },
    refused: (h) => {
      refused = h;
      return () => {
        refused = null;
      };
    },
    iceServers: async () => [],
  };
  return {
    signals,
    sent,
    relay: (e: StageSignalEvent) => handler?.(e),
    refuse: (e: ErrorBody) => refused?.(e),
    rejoin: () => joined?.(),
  };
}

describe('createStageVoice on the direct stage (no media server)', () => {
  it('takes a seat, listens once seated, says "full" when refused and asks again, and gives the seat back on leaving', async () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore();
      const net = fakeSignals();
      const voice = createStageVoice(store, grants({ mode: 'direct', role: 'listener', maxListeners: 2 }), 1000, net.signals);
      await voice.join('launch');
      expect(net.sent).toEqual([{ kind: 'listen', eventId: 'launch' }]);
      expect(store.getState().stageVoice).toBe('connecting');
      expect(store.getState().stageDirect).toEqual({ max: 2, listening: 0 });

      net.refuse({ code: 'stage_full', message: 'full (2 listeners)', type: 'stageSignal' });
      expect(store.getState().stageVoice).toBe('full');
      await vi.advanceTimersByTimeAsync(1000);
      expect(net.sent.filter((s) => s.kind === 'listen')).toHaveLength(2);
      expect(store.getState().stageVoice).toBe('full');
      net.relay({ kind: 'seated', eventId: 'launch', from: 'me' });
      expect(store.getState().stageVoice).toBe('listening');
      // A reconnect is a new session: the page asks for its seat again.
      net.rejoin();
      expect(net.sent.at(-1)).toEqual({ kind: 'listen', eventId: 'launch' });

      voice.leave();
      expect(net.sent.at(-1)).toEqual({ kind: 'bye', eventId: 'launch' });
      expect(store.getState().stageDirect).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives the host the on-air toggle's grant without listening to their own stage", async () => {
    const store = createAppStore();
    const net = fakeSignals();
    const voice = createStageVoice(store, grants({ mode: 'direct', role: 'host', maxListeners: 8 }), 1000, net.signals);
    await voice.join('launch');
    expect(store.getState().stageVoice).toBe('off');
    expect(net.sent).toEqual([]);
    expect(await voice.debug()).toMatchObject({ role: 'host', mode: 'direct' });
  });
});
