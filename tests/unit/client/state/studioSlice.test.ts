import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { showsSelf } from '../../../../client/state/studioSlice.ts';

describe('studio slice: See yourself', () => {
  it('shows the visitor themselves only while wearing something with its card open, not while inspecting', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().setSelfView(true);
    expect(showsSelf(s())).toBe(false); // nothing tried on
    s().setTryOn({ productId: 'home-jersey', colourwayId: 'white' });
    expect(showsSelf(s())).toBe(false); // no card open
    s().openProduct('home-jersey');
    expect(showsSelf(s())).toBe(true);
    s().setInspecting(true);
    expect(showsSelf(s())).toBe(false);
    s().setInspecting(false);
    s().closePanel();
    expect(showsSelf(s())).toBe(false);
  });
});
