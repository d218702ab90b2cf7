import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JoinedRoom } from '../../../../client/net/roomDoor.ts';
import { createRoomDoor } from '../../../../client/net/roomDoor.ts';
import { createEventExtras } from '../../../../client/net/eventExtrasActions.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import type { CartLine } from '../../../../shared/api.ts';
import type { EventExtrasSnapshot } from '../../../../shared/eventExtras.ts';
import { MSG } from '../../../../shared/protocol.ts';
import { fakeFetch } from '../support/fakeFetch.ts';

const sku = { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' };
const dropView = (result: unknown) => ({
  eventId: 'launch-1',
  sku,
  units: 1,
  prices: { USD: 1_234 },
  entryWindowMs: 60_000,
  holdMs: 300_000,
  lineLength: 1,
  status: 'drawn',
  closesAt: 1,
  entrants: 2,
  drawnUnits: 1,
  drawnAt: 2,
  result,
  serverTime: 3,
});
const snapshot = (seq: number, status: 'open' | 'drawn' = 'drawn'): EventExtrasSnapshot => ({
  seq,
  extras: [
    {
      eventId: 'launch-1',
      drop: { status, sku, units: 1, prices: { USD: 1_234 }, entryWindowMs: 60_000, holdMs: 300_000, closesAt: 1, drawnUnits: 1 },
      raffle: {
        state: 'open',
        prize: { en: 'Jersey', 'zh-CN': '球衣' },
        winnersCount: 1,
        commitment: 'a'.repeat(64),
        entrantCount: 0,
        entrantsHash: null,
        seed: null,
        winners: null,
      },
    },
  ],
});

/** A stand-in joined room: the door's `*` listener is kept so the test can deliver server messages. */
function joinedRoom() {
  let receive: (type: string | number, payload: unknown) => void = () => {};
  const room = {
    onMessage: (_type: string, fn: typeof receive) => {
      receive = fn;
      return () => {};
    },
    send: () => {},
  };
  return { joined: { room, callbacks: {} } as unknown as JoinedRoom, deliver: (type: string, p: unknown) => receive(type, p) };
}

function setup() {
  const store = createAppStore();
  store
    .getState()
    .setSession('visitor-token', { id: 'v1', name: 'Ada', color: '#3366ff', role: 'visitor', locale: 'en', currency: 'USD' });
  const door = createRoomDoor(() => {});
  const cartLines: CartLine[] = [];
  const actions = createEventExtras(door, store, async (line) => void cartLines.push(line));
  return { store, door, actions, cartLines };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the visitor's drops and raffles over the room", () => {
  it("reads the visitor's standing once per join (a reload shows the result), then lives on room messages", async () => {
    const { sent } = fakeFetch((r) =>
      r.url.endsWith('/drop')
        ? { status: 200, body: dropView({ kind: 'waiting', position: 132 }) }
        : { status: 200, body: { eventId: 'launch-1', entryId: '0123456789abcdef' } },
    );
    const { store, door } = setup();
    const room = joinedRoom();
    door.attach(room.joined);
    room.deliver(MSG.eventExtras, snapshot(4));
    await vi.waitFor(() => expect(store.getState().myDrops['launch-1']).toEqual({ kind: 'waiting', position: 132 }));
    await vi.waitFor(() => expect(store.getState().myRaffleEntries['launch-1']).toBe('0123456789abcdef'));
    expect(sent.map((r) => r.url).sort()).toEqual(['/api/events/launch-1/drop', '/api/events/launch-1/raffle/entries/me']);
    expect(sent[0]!.headers.Authorization).toBe('Bearer visitor-token');

    // A lapsed hold passed on: the room says so; a later copy of the set sends nothing to the server.
    room.deliver(MSG.dropResult, { eventId: 'launch-1', result: { kind: 'won', holdExpiresAt: 99 } });
    expect(store.getState().myDrops['launch-1']).toEqual({ kind: 'won', holdExpiresAt: 99 });
    room.deliver(MSG.eventExtras, snapshot(5));
    room.deliver(MSG.eventExtras, snapshot(3, 'open'));
    expect(store.getState().eventExtrasSeq).toBe(5);
    expect(store.getState().eventExtras['launch-1']?.drop?.status).toBe('drawn');
    expect(sent).toHaveLength(2);
  });

  it('enters the drop, and "Buy now" puts the won SKU in the cart once and opens the checkout', async () => {
    const { sent } = fakeFetch(() => ({ status: 201, body: dropView({ kind: 'entered' }) }));
    const { store, actions, cartLines } = setup();
    store.getState().applyEventExtras(snapshot(1, 'open'), true);
    await actions.enterDrop('launch-1');
    expect(sent[0]).toMatchObject({ url: '/api/events/launch-1/drop/entries', method: 'POST', body: {} });
    expect(store.getState().myDrops['launch-1']).toEqual({ kind: 'entered' });

    await actions.buyDrop('launch-1');
    expect(cartLines).toEqual([{ ...sku, quantity: 1 }]);
    expect(store.getState().panel).toBe('checkout');
    store.getState().setCartLines([{ ...sku, quantity: 2 }]);
    await actions.buyDrop('launch-1');
    expect(cartLines).toHaveLength(1);
  });

  it('a second raffle entry (another tab) reads the first entry id instead of failing', async () => {
    fakeFetch((r) =>
      r.method === 'POST'
        ? { status: 409, body: { error: { code: 'raffle_already_entered', message: 'again', entryId: 'fedcba9876543210' } } }
        : { status: 200, body: { eventId: 'launch-1', entryId: 'fedcba9876543210' } },
    );
    const { store, actions } = setup();
    await actions.enterRaffle('launch-1');
    expect(store.getState().myRaffleEntries['launch-1']).toBe('fedcba9876543210');
  });
});
