import { describe, expect, it } from 'vitest';
import { createMemoryGate } from '../../../../../server/domain/drop/gate.ts';

describe('the in-memory drop gate', () => {
  it('takes one entry per visitor while the window is open, and none before it opens or after it closes', async () => {
    const gate = createMemoryGate();
    expect(await gate.enter('launch', 'ann', 0)).toBe('closed');
    await gate.open('launch', 1_000, []);
    expect(await gate.enter('launch', 'ann', 10)).toBe('entered');
    expect(await gate.enter('launch', 'ann', 20)).toBe('duplicate');
    expect(await gate.enter('launch', 'bob', 999)).toBe('entered');
    expect(await gate.enter('launch', 'cy', 1_000)).toBe('closed');
    expect(await gate.count('launch')).toBe(2);
    await gate.close('launch');
    expect(await gate.enter('launch', 'dee', 500)).toBe('closed');
    expect(await gate.has('launch', 'bob')).toBe(true);
    expect(await gate.has('launch', 'dee')).toBe(false);
  });

  it('hands out accepted entries oldest first, in batches, until they are persisted', async () => {
    const gate = createMemoryGate();
    await gate.open('launch', 1_000, []);
    for (const [i, v] of ['a', 'b', 'c'].entries()) await gate.enter('launch', v, i);
    expect(await gate.pending('launch')).toBe(3);
    const first = [
      { visitorId: 'a', enteredAt: 0 },
      { visitorId: 'b', enteredAt: 1 },
    ];
    expect(await gate.batch('launch', 2)).toEqual(first);
    // NOTE: a batch stays until it is persisted: a failed insert is tried again with the same entries.
    expect(await gate.batch('launch', 2)).toEqual(first);
    await gate.persisted('launch', 2);
    expect(await gate.batch('launch', 2)).toEqual([{ visitorId: 'c', enteredAt: 2 }]);
    await gate.persisted('launch', 1);
    expect(await gate.batch('launch', 2)).toEqual([]);
    expect(await gate.pending('launch')).toBe(0);
  });

  it('reopened after a restart, refuses a second entry from anyone already persisted', async () => {
    const gate = createMemoryGate();
    await gate.open('launch', 1_000, ['ann', 'bob']);
    expect(await gate.enter('launch', 'ann', 5)).toBe('duplicate');
    expect(await gate.enter('launch', 'cy', 5)).toBe('entered');
    expect(await gate.count('launch')).toBe(3);
    expect(await gate.batch('launch', 10)).toEqual([{ visitorId: 'cy', enteredAt: 5 }]);
    expect(await gate.entrants('launch')).toEqual(['ann', 'bob', 'cy']);
  });

  it('lists every entrant for the draw, persisted or not, and none once forgotten', async () => {
    const gate = createMemoryGate();
    await gate.open('launch', 1_000, []);
    for (const v of ['a', 'b', 'c']) await gate.enter('launch', v, 1);
    await gate.persisted('launch', 2);
    expect(await gate.entrants('launch')).toEqual(['a', 'b', 'c']);
    await gate.forget('launch');
    expect(await gate.entrants('launch')).toEqual([]);
  });

  it('keeps drops apart', async () => {
    const gate = createMemoryGate();
    await gate.open('one', 1_000, []);
    await gate.open('two', 1_000, []);
    expect(await gate.enter('one', 'ann', 1)).toBe('entered');
    expect(await gate.enter('two', 'ann', 1)).toBe('entered');
    await gate.forget('one');
    expect(await gate.count('one')).toBe(0);
    expect(await gate.count('two')).toBe(1);
  });
});
