import type { Kysely } from 'kysely';
import { type EventSummary, eventPhase } from '../../shared/events.ts';
import { CURRENCIES, type Currency } from '../../shared/money.ts';
import type { Offer, OfferRequest, PriceBoard, SpecialPrice } from '../../shared/offers.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { Database } from '../db/schema.ts';
import type { CatalogIndex } from '../domain/catalog.ts';
import { DomainError } from '../domain/errors.ts';
import { offerActive, offerProducts, type PriceSources, specialPrice } from '../domain/offers/offerRules.ts';
import { insertOffer, newOfferId, readOpenOffers, withdrawOffer } from '../domain/offers/offerStore.ts';
import type { Log } from '../ops/logger.ts';
import type { VenueEvents } from './venueEvents.ts';

/**
 * The venue's prices below the catalog's: live-only prices of live events and the hosts' limited-time
 * offers. Checkout and quotes ask `price()`; every shard shows the published board, made by the same
 * function at the same clock, so a visitor is shown exactly what the server charges.
 */
export interface VenuePrices {
  /** The board every shard copies (the last published). */
  snapshot(): PriceBoard;
  /** What the server charges now for a product in a currency, when below the catalog's price. */
  price(productId: string, currency: Currency): number | undefined;
  /** An event's offers that hold now, soonest end first. */
  offers(eventId: string): Offer[];
  /** Stores and publishes a host's offer; `offer_rejected` unless the event is revealing or live. */
  push(eventId: string, request: OfferRequest, createdBy: string): Promise<Offer>;
  /** Ends an offer now; `not_found` for an offer this event never had, `offer_rejected` if it is over already. */
  withdraw(eventId: string, offerId: string): Promise<void>;
  /** Makes the board again (the events changed) and publishes it if it differs. */
  refresh(): void;
  /** Reads the offers still open (a restart keeps them) and publishes the first board. */
  start(): Promise<void>;
  close(): void;
}

export interface VenuePricesOptions {
  db: Kysely<Database>;
  catalog: CatalogIndex;
  events: Pick<VenueEvents, 'find' | 'list'>;
  publish(board: PriceBoard): void;
  /** Server time in ms since the epoch (the same clock as checkout's). */
  now: () => number;
  log: Log;
  /** The `seq` the previous owner's last copy had (a takeover counts on from it, so shards take the new copies). */
  seqFrom?: number;
}

/** The lowest live-only price of a product among the events live at `nowMs`, with that event's end. */
function liveAt(events: readonly EventSummary[], productId: string, currency: Currency, nowMs: number): PriceSources['live'] {
  let best: PriceSources['live'];
  for (const event of events) {
    // NOTE: the same window as eventRules.ts livePriceAt: from the reveal to the end.
    if (nowMs < Date.parse(event.startsAt) || nowMs >= Date.parse(event.endsAt)) continue;
    for (const live of event.livePrices) {
      const amount = live.productId === productId ? live.prices[currency] : undefined;
      if (amount !== undefined && (!best || amount < best.amount)) best = { amount, endsAtMs: Date.parse(event.endsAt) };
    }
  }
  return best;
}

/** Creates the venue's prices in this process (the owner, beside the event clock). */
export function createVenuePrices({ db, catalog, events, publish, now, log, seqFrom }: VenuePricesOptions): VenuePrices {
  let open: Offer[] = [];
  let board: PriceBoard = { seq: seqFrom ?? 0, offers: [], prices: [] };
  let shown = '';
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const activeAt = (at: number) => open.filter((o) => offerActive(o, at));

  function pricesAt(at: number): SpecialPrice[] {
    const list = events.list();
    const offers = activeAt(at);
    const prices: SpecialPrice[] = [];
    for (const product of catalog.catalog.products) {
      for (const currency of CURRENCIES) {
        const special = specialPrice(catalog, product.id, currency, { live: liveAt(list, product.id, currency, at), offers });
        if (special) prices.push(special);
      }
    }
    return prices;
  }

  /** The next instant a price may change: an offer's end, a live price's start or end. */
  function nextEdge(at: number): number | undefined {
    const edges = [
      ...open.map((o) => Date.parse(o.endsAt)),
      ...events
        .list()
        .filter((e) => e.livePrices.length > 0)
        .flatMap((e) => [Date.parse(e.startsAt), Date.parse(e.endsAt)]),
    ].filter((edge) => edge > at);
    return edges.length > 0 ? Math.min(...edges) : undefined;
  }

  function refresh(): void {
    if (closed) return;
    const at = now();
    open = open.filter((o) => Date.parse(o.endsAt) > at);
    const next = { offers: activeAt(at), prices: pricesAt(at) };
    const text = JSON.stringify(next);
    if (text !== shown) {
      shown = text;
      board = { seq: board.seq + 1, ...next };
      publish(board);
    }
    arm(at);
  }

  function arm(at: number): void {
    if (timer) clearTimeout(timer);
    const edge = nextEdge(at);
    if (edge === undefined) return;
    // NOTE: a timer may fire a little early; refresh() then re-arms for the same edge, still ahead.
    timer = setTimeout(refresh, Math.min(Math.max(1, edge - now()), 2 ** 31 - 1));
    timer.unref();
  }

  return {
    snapshot: () => board,
    price(productId, currency) {
      const at = now();
      return specialPrice(catalog, productId, currency, {
        live: liveAt(events.list(), productId, currency, at),
        offers: activeAt(at),
      })?.amount;
    },
    offers: (eventId) => activeAt(now()).filter((o) => o.eventId === eventId),
    async push(eventId, request, createdBy) {
      const found = events.find(eventId);
      if (!found) throw new DomainError(ErrorCode.notFound, `no event ${eventId}`);
      const at = now();
      const phase = eventPhase(found.event, at);
      if (phase !== 'reveal' && phase !== 'live') {
        throw new DomainError(ErrorCode.offerRejected, `offers can be pushed while the event is live, and it is ${phase}`);
      }
      const productIds = offerProducts(request.target, catalog);
      const endsAtMs = Math.min(at + request.durationMs, Date.parse(found.event.endsAt));
      const offer: Offer = {
        id: newOfferId(),
        eventId,
        target: request.target,
        productIds,
        percentOff: request.percentOff,
        startsAt: new Date(at).toISOString(),
        endsAt: new Date(endsAtMs).toISOString(),
      };
      await insertOffer(db, offer, createdBy);
      open = [...open, offer].sort((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt));
      log.info({ event: eventId, offer: offer.id, percentOff: offer.percentOff, products: productIds.length }, 'offer pushed');
      refresh();
      return offer;
    },
    async withdraw(eventId, offerId) {
      const offer = open.find((o) => o.id === offerId && o.eventId === eventId);
      if (!offer || !offerActive(offer, now())) {
        const known = await db
          .selectFrom('event_offers')
          .select('id')
          .where('id', '=', offerId)
          .where('event_id', '=', eventId)
          .executeTakeFirst();
        if (!known) throw new DomainError(ErrorCode.notFound, `event ${eventId} has no offer ${offerId}`);
        throw new DomainError(ErrorCode.offerRejected, `offer ${offerId} has ended or was withdrawn already`);
      }
      await withdrawOffer(db, eventId, offerId, new Date(now()));
      open = open.filter((o) => o !== offer);
      log.info({ event: eventId, offer: offerId }, 'offer withdrawn');
      refresh();
    },
    refresh,
    async start() {
      open = await readOpenOffers(db, new Date(now()));
      refresh();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
