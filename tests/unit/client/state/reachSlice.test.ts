import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';

describe('reach slice', () => {
  it('keeps the far product and the offer apart, and changes nothing when the far product is the same', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().setFarProduct('headband');
    const before = s();
    s().setFarProduct('headband');
    expect(s()).toBe(before);
    s().offerReach('headband');
    expect(s().reachOfferId).toBe('headband');
    s().offerReach(null);
    expect(s().reachOfferId).toBeNull();
    expect(s().farProductId).toBe('headband');
  });
});
