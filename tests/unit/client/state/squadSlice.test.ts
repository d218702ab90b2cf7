import { describe, expect, it } from 'vitest';
import type { SquadView } from '../../../../shared/together.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { withKnownSessions } from '../../../../client/state/squadSlice.ts';
import { catalog } from '../support/catalog.ts';

const view = (sessions: (string | null)[]): SquadView => ({
  id: 'sq_1',
  code: 'K7QX4M',
  members: sessions.map((sessionId, i) => ({
    memberId: `m${i}`,
    name: `M${i}`,
    color: '#ff0000',
    sessionId,
    self: i === 0,
    lines: [],
  })),
});

describe('squad slice', () => {
  it('an HTTP snapshot keeps the session ids the room gave for the same members', () => {
    const store = createAppStore();
    store.getState().setSquad(view(['s0', 's1']), 'room');
    store.getState().setSquad(view([null, null]), 'http');
    expect(store.getState().squad?.members.map((m) => m.sessionId)).toEqual(['s0', 's1']);
    // A room snapshot is the truth: a member who left the arena goes offline.
    store.getState().setSquad(view(['s0', null]), 'room');
    expect(store.getState().squad?.members.map((m) => m.sessionId)).toEqual(['s0', null]);
    store.getState().setSquad(null, 'http');
    expect(store.getState().squad).toBeNull();
  });

  it('does not carry sessions over to another squad', () => {
    expect(withKnownSessions({ ...view([null]), id: 'sq_2' }, view(['s0']))?.members[0]?.sessionId).toBeNull();
  });

  it('a squad mate showing a product opens its card in that colourway, glows it and says who', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog);
    store.getState().receiveShow({ from: 's1', name: 'Bo', productId: 'home-jersey', colourwayId: 'gold' });
    const s = store.getState();
    expect(s).toMatchObject({ panel: 'product', productId: 'home-jersey', squadShown: { productId: 'home-jersey', name: 'Bo' } });
    expect(s.choice['home-jersey']?.colourwayId).toBe('gold');
    expect(s.notice).toEqual({ key: 'squad.shows', params: { name: 'Bo', product: 'Courtside Home Jersey' } });
  });

  it('ignores a show of a product the catalog does not have', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog);
    store.getState().receiveShow({ from: 's1', name: 'Bo', productId: 'gone', colourwayId: 'gold' });
    expect(store.getState()).toMatchObject({ panel: 'none', squadShown: null, notice: null });
  });
});
