import { describe, expect, it } from 'vitest';
import { createSeatHolds, isNetworkDrop } from '../../../../server/room/seatHolds.ts';
import { TAKEN_OVER_CLOSE_CODE } from '../../../../shared/protocol.ts';
import { REMOVED_CLOSE_CODE } from '../../../../shared/together.ts';

describe('held seats', () => {
  it("gives up a visitor's held seat when they join again as another session, and keeps the new one's and others'", () => {
    const holds = createSeatHolds();
    const released: string[] = [];
    holds.hold('s1', 'ann', () => released.push('s1'));
    holds.hold('s2', 'ben', () => released.push('s2'));
    holds.hold('s3', 'ann', () => released.push('s3'));
    expect(holds.releaseVisitor('ann', 's3')).toBe(1);
    expect(released).toEqual(['s1']);
    expect(holds.size).toBe(2);
    expect(holds.releaseVisitor('ann', 's3')).toBe(0);
  });

  it('forgets a seat whose wait ended, so it is never released twice', () => {
    const holds = createSeatHolds();
    let releases = 0;
    holds.hold('s1', 'ann', () => releases++);
    holds.end('s1');
    expect(holds.releaseVisitor('ann')).toBe(0);
    expect(holds.releaseAll()).toBe(0);
    expect(releases).toBe(0);
  });

  it('releases every seat when the process drains', () => {
    const holds = createSeatHolds();
    const released: string[] = [];
    holds.hold('s1', 'ann', () => released.push('s1'));
    holds.hold('s2', 'ben', () => released.push('s2'));
    expect(holds.releaseAll()).toBe(2);
    expect(released).toEqual(['s1', 's2']);
    expect(holds.size).toBe(0);
  });
});

describe('which closes are held', () => {
  it('a connection lost on the way is; a close the server or the page chose is not', () => {
    expect([1001, 1005, 1006, 4010].map(isNetworkDrop)).toEqual([true, true, true, true]);
    expect([1000, 4000, 4001, TAKEN_OVER_CLOSE_CODE, REMOVED_CLOSE_CODE].map(isNetworkDrop)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
