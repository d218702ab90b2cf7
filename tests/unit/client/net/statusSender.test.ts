import { describe, expect, it } from 'vitest';
import type { StatusSend } from '../../../../shared/together.ts';
import { createStatusSender } from '../../../../client/net/statusSender.ts';

function harness(connected = true) {
  let t = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const sent: StatusSend[] = [];
  const link = { connected };
  const sender = createStatusSender((s) => link.connected && sent.push(s) > 0, {
    minGapMs: 200,
    now: () => t,
    setTimer: (fn, ms) => timers.push({ at: t + ms, fn }),
  });
  const advance = (ms: number) => {
    t += ms;
    const due = timers.filter((x) => x.at <= t);
    timers.splice(0, timers.length, ...timers.filter((x) => x.at > t));
    for (const timer of due) timer.fn();
  };
  return { sender, sent, advance, link, timers };
}

describe('createStatusSender', () => {
  it('sends a change at once, merges changes within the gap into one later send', () => {
    const h = harness();
    h.sender.set({ voice: true });
    expect(h.sent).toEqual([{ typing: false, voice: true, speaking: false }]);
    h.sender.set({ speaking: true });
    h.sender.set({ typing: true });
    expect(h.sent).toHaveLength(1);
    h.advance(199);
    expect(h.sent).toHaveLength(1);
    h.advance(1);
    expect(h.sent).toEqual([
      { typing: false, voice: true, speaking: false },
      { typing: true, voice: true, speaking: true },
    ]);
  });

  it('sends nothing when the status ends where it was sent', () => {
    const h = harness();
    h.sender.set({ speaking: true });
    h.sender.set({ speaking: false });
    h.advance(300);
    expect(h.sent).toEqual([
      { typing: false, voice: false, speaking: true },
      { typing: false, voice: false, speaking: false },
    ]);
    h.advance(300);
    h.sender.set({ speaking: false });
    expect(h.sent).toHaveLength(2);
  });

  it('keeps the status while there is no room and sends it on resend', () => {
    const h = harness(false);
    h.sender.set({ voice: true });
    expect(h.sent).toEqual([]);
    h.link.connected = true;
    h.sender.resend();
    expect(h.sent).toEqual([{ typing: false, voice: true, speaking: false }]);
    expect(h.sender.current()).toEqual({ typing: false, voice: true, speaking: false });
  });
});
