import { API } from '../../shared/api.ts';
import { type OfferRequest, OffersResponse } from '../../shared/offers.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { requestJson } from './http.ts';
import { bindPriceBoard } from './priceBoardBinding.ts';
import type { RoomDoor } from './roomDoor.ts';

/** A launch event's limited-time offers over HTTP: anyone lists them, the event's host pushes and withdraws. */
export interface OfferActions {
  /** The event's offers running now (`GET /api/events/:id/offers`). */
  list(eventId: string): Promise<OffersResponse>;
  /** Pushes an offer to every visitor (host only); resolves with the offers running now. */
  push(eventId: string, request: OfferRequest): Promise<OffersResponse>;
  /** Ends an offer now (host only); resolves with the offers still running. */
  withdraw(eventId: string, offerId: string): Promise<OffersResponse>;
}

const offersPath = (eventId: string) => `${API.events}/${encodeURIComponent(eventId)}/offers`;

/**
 * Offer actions over the store API, and for each joined room its price board in the store (see
 * `bindPriceBoard`): what every visitor sees comes from the room, not from these answers.
 */
export function createOfferActions(door: RoomDoor, store: AppStore, token: () => string | null): OfferActions {
  door.whileJoined((joined) => bindPriceBoard(joined, store));
  return {
    list: (eventId) => requestJson(offersPath(eventId), OffersResponse),
    push: (eventId, request) =>
      requestJson(offersPath(eventId), OffersResponse, { method: 'POST', body: request, token: token() }),
    withdraw: (eventId, offerId) =>
      requestJson(`${offersPath(eventId)}/${encodeURIComponent(offerId)}`, OffersResponse, { method: 'DELETE', token: token() }),
  };
}
