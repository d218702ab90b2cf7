import { describe, expect, it } from 'vitest';
import { createPublishThrottle, type ThrottleClock } from '../../../../../server/domain/qna/publishThrottle.ts';

/** A clock that moves only when told, running the timers that fall due. */
function manualClock() {
  let t = 0;
  let timers: { at: number; run: () => void; live: boolean }[] = [];
  const clock: ThrottleClock = {
    now: () => t,
    setTimer(run, ms) {
      const timer = { at: t + ms, run, live: true };
      timers.push(timer);
      return {
        cancel: () => {
          timer.live = false;
        },
      };
    },
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      const due = timers.filter((x) => x.live && x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      t = due.at;
      due.live = false;
      due.run();
    }
    t = end;
    timers = timers.filter((x) => x.live);
  };
  return { clock, advance };
}

describe('createPublishThrottle', () => {
  it('publishes the first change on the next turn and joins the changes that come while one is pending', () => {
    const { clock, advance } = manualClock();
    const published: number[] = [];
    const throttle = createPublishThrottle(250, () => published.push(clock.now()), clock);
    throttle.changed();
    throttle.changed();
    expect(published).toEqual([]);
    advance(0);
    expect(published).toEqual([0]);
  });

  it('publishes at most 4 times a second under a storm of changes, and the last change always goes out', () => {
    const { clock, advance } = manualClock();
    const published: number[] = [];
    const throttle = createPublishThrottle(250, () => published.push(clock.now()), clock);
    // A change every 10 ms for one second.
    for (let i = 0; i < 100; i++) {
      throttle.changed();
      advance(10);
    }
    advance(1000);
    expect(published).toEqual([0, 250, 500, 750, 1000]);
    for (let i = 1; i < published.length; i++) expect((published[i] ?? 0) - (published[i - 1] ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('publishes nothing more once closed', () => {
    const { clock, advance } = manualClock();
    const published: number[] = [];
    const throttle = createPublishThrottle(250, () => published.push(clock.now()), clock);
    throttle.changed();
    throttle.close();
    throttle.changed();
    advance(1000);
    expect(published).toEqual([]);
  });
});
