import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { isPanelOpen } from '../../../../client/state/uiSlice.ts';
import { catalog } from '../support/catalog.ts';

describe('ui slice', () => {
  it('opens a product card and remembers which product', () => {
    const store = createAppStore();
    store.getState().openProduct('street-ball');
    expect(store.getState().panel).toBe('product');
    expect(store.getState().productId).toBe('street-ball');
    expect(isPanelOpen(store.getState().panel)).toBe(true);
  });

  it('stops inspecting whenever a panel opens or closes', () => {
    const store = createAppStore();
    store.getState().openProduct('street-ball');
    store.getState().setInspecting(true);
    store.getState().openPanel('cart');
    expect(store.getState().inspecting).toBe(false);
    store.getState().openProduct('street-ball');
    store.getState().setInspecting(true);
    store.getState().closePanel();
    expect(store.getState()).toMatchObject({ panel: 'none', inspecting: false });
    expect(isPanelOpen(store.getState().panel)).toBe(false);
  });

  it('keeps the colourway when a size is chosen, and the size when the colourway changes', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog);
    store.getState().chooseSize('court-runner-2', '44');
    expect(store.getState().choice['court-runner-2']).toEqual({ colourwayId: 'red', size: '44' });
    store.getState().chooseColourway('court-runner-2', 'white');
    expect(store.getState().choice['court-runner-2']).toEqual({ colourwayId: 'white', size: '44' });
  });

  it('keeps choices per product', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog);
    store.getState().chooseColourway('court-runner-2', 'black');
    store.getState().chooseColourway('street-ball', 'blue');
    expect(store.getState().choice['court-runner-2']?.colourwayId).toBe('black');
    expect(store.getState().choice['street-ball']?.colourwayId).toBe('blue');
  });

  it('changes hovered only when the target changes', () => {
    const store = createAppStore();
    let updates = 0;
    store.subscribe(() => updates++);
    store.getState().setHovered('headband');
    store.getState().setHovered('headband');
    store.getState().setHovered(null);
    expect(updates).toBe(2);
  });
});
