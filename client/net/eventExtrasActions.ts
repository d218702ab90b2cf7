import { API, type CartLine } from '../../shared/api.ts';
import { DropView } from '../../shared/drop.ts';
import type { EventExtras } from '../../shared/eventExtras.ts';
import { ErrorCode, MSG } from '../../shared/protocol.ts';
import { RaffleEntryResponse, RaffleProof, rafflePath } from '../../shared/raffle.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { ApiRequestError, requestJson } from './http.ts';
import type { RoomDoor } from './roomDoor.ts';

/** A launch event's drop and raffle, from the visitor's side. Failures throw `ApiRequestError`. */
export interface EventExtrasActions {
  /** "Enter the drop": one entry; the store then says `entered`. */
  enterDrop(eventId: string): Promise<void>;
  /** "Buy now" for a won unit: the SKU goes in the cart (one unit at least) and the checkout opens. */
  buyDrop(eventId: string): Promise<void>;
  /** "Enter the raffle": the visitor's public entry id lands in the store. */
  enterRaffle(eventId: string): Promise<void>;
  /** Reads the visitor's result again in every drop they hold a unit in (after a paid order: `bought`). */
  refreshWon(): Promise<void>;
  /** The raffle's public proof (`GET /api/events/:id/raffle`), for the proof view to check. */
  loadProof(eventId: string): Promise<RaffleProof>;
}

const dropPath = (eventId: string) => `${API.events}/${encodeURIComponent(eventId)}/drop`;

/** What the visitor's own standing needs reading for, after (re)joining: a drop past setup, a raffle past commitment. */
const needsMine = (e: EventExtras) => ({
  drop: e.drop !== null && e.drop.status !== 'scheduled',
  raffle: e.raffle !== null && e.raffle.state !== 'committed',
});

/**
 * The app's drops and raffles: the room's `eventExtras` copies into the store, `dropResult` into the
 * visitor's own results, and on every (re)join one read of the visitor's standing in each drop and
 * raffle under way (a reload or a reconnect shows a result drawn meanwhile). NOTE: only then: a drop
 * opened later starts at "not entered" for everyone, so its opening sends nobody to the server.
 */
export function createEventExtras(
  door: RoomDoor,
  store: AppStore,
  setCartLine: (line: CartLine) => Promise<void>,
): EventExtrasActions {
  const token = () => store.getState().token;
  let fresh = false;

  const loadDrop = async (eventId: string) => {
    const view = await requestJson(dropPath(eventId), DropView, { token: token() });
    store.getState().setMyDrop(eventId, view.result);
  };
  const loadEntry = async (eventId: string) => {
    try {
      const mine = await requestJson(`${rafflePath(API.events, eventId)}/entries/me`, RaffleEntryResponse, { token: token() });
      store.getState().setMyRaffleEntry(eventId, mine.entryId);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === ErrorCode.notFound) store.getState().setMyRaffleEntry(eventId, null);
      else throw err;
    }
  };

  door.on(MSG.eventExtras, (snapshot) => {
    store.getState().applyEventExtras(snapshot, fresh);
    if (!fresh) return;
    fresh = false;
    for (const e of snapshot.extras) {
      const need = needsMine(e);
      if (need.drop) loadDrop(e.eventId).catch(() => undefined);
      if (need.raffle) loadEntry(e.eventId).catch(() => undefined);
    }
  });
  door.on(MSG.dropResult, ({ eventId, result }) => store.getState().setMyDrop(eventId, result));
  door.whileJoined(() => {
    fresh = true;
    return () => undefined;
  });

  return {
    async enterDrop(eventId) {
      try {
        const view = await requestJson(`${dropPath(eventId)}/entries`, DropView, { method: 'POST', body: {}, token: token() });
        store.getState().setMyDrop(eventId, view.result);
      } catch (err) {
        // NOTE: "already entered" (another tab, a lost answer): read where the visitor stands instead.
        if (err instanceof ApiRequestError && err.code === ErrorCode.dropRejected) await loadDrop(eventId);
        throw err;
      }
    },
    async buyDrop(eventId) {
      const drop = store.getState().eventExtras[eventId]?.drop;
      if (!drop) return;
      const { sku } = drop;
      const inCart = store
        .getState()
        .cartLines.some((l) => l.productId === sku.productId && l.colourwayId === sku.colourwayId && l.size === sku.size);
      if (!inCart) await setCartLine({ ...sku, quantity: 1 });
      store.getState().openPanel('checkout');
    },
    async enterRaffle(eventId) {
      try {
        const entry = await requestJson(`${rafflePath(API.events, eventId)}/entries`, RaffleEntryResponse, {
          method: 'POST',
          body: {},
          token: token(),
        });
        store.getState().setMyRaffleEntry(eventId, entry.entryId);
      } catch (err) {
        if (err instanceof ApiRequestError && err.code === ErrorCode.raffleAlreadyEntered) {
          await loadEntry(eventId);
          return;
        }
        throw err;
      }
    },
    async refreshWon() {
      const won = Object.entries(store.getState().myDrops).filter(([, r]) => r.kind === 'won');
      await Promise.all(won.map(([eventId]) => loadDrop(eventId)));
    },
    loadProof: (eventId) => requestJson(rafflePath(API.events, eventId), RaffleProof),
  };
}
