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

  it('an HTTP answer does not undo a room snapshot that arrived while it was in flight', () => {
    const store = createAppStore();
    const line = { productId: 'home-jersey', colourwayId: 'gold', size: 'M', quantity: 1 };
    const before = view(['s0', 's1']);
    const after: SquadView = { ...before, members: before.members.map((m, i) => (i === 1 ? { ...m, lines: [line] } : m)) };
    store.getState().setSquad(before, 'room');
    // The panel opens and asks over HTTP; the server reads the squad, then a mate adds a line and the
    // room says so before the (now stale) answer lands.
    const asked = store.getState().squadRoomSeq;
    store.getState().setSquad(after, 'room');
    store.getState().setSquad(view([null, null]), 'http', asked);
    expect(store.getState().squad?.members[1]?.lines).toEqual([line]);
    // With no room snapshot meanwhile, the answer is taken (e.g. before entering the arena).
    store.getState().setSquad(null, 'http', store.getState().squadRoomSeq);
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

  it('a show that arrives after the squad panel opened takes its place (the squads e2e waits for it first)', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog);
    store.getState().openPanel('squad');
    store.getState().receiveShow({ from: 's1', name: 'Ada', productId: 'home-jersey', colourwayId: 'gold' });
    expect(store.getState()).toMatchObject({ panel: 'product', productId: 'home-jersey' });
  });

  it('ignores a show of a product the catalog does not have', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog);
    store.getState().receiveShow({ from: 's1', name: 'Bo', productId: 'gone', colourwayId: 'gold' });
    expect(store.getState()).toMatchObject({ panel: 'none', squadShown: null, notice: null });
  });
});
