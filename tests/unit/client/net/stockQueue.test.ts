import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { createStockQueue } from '../../../../client/net/stockQueue.ts';

describe('stock queue', () => {
  it('writes a burst of stock callbacks to the store as one update', async () => {
    const store = createAppStore();
    let updates = 0;
    store.subscribe(() => updates++);
    const queue = createStockQueue((changes) => store.getState().applyStock(changes));
    queue('street-ball:orange:7', 5);
    queue('street-ball:black:7', 2);
    queue('street-ball:orange:7', 4);
    expect(store.getState().stock).toEqual({});
    await Promise.resolve();
    expect(updates).toBe(1);
    expect(store.getState().stock).toEqual({ 'street-ball:orange:7': 4, 'street-ball:black:7': 2 });
  });
});
