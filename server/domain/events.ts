import type { Cart, Order } from '../../shared/api.ts';
import type { GroupBuysSnapshot } from './groupBuy/rows.ts';
import type { StockChanges } from './stock.ts';

/**
 * What the domain tells the rest of the server, by event name. The domain only publishes; who
 * listens is decided where the app is put together: the venue relays stock and group changes to
 * every shard, the squads relay turns cart and membership changes into live squad carts, and
 * metrics can count orders and time checkouts — none of which the domain knows about.
 */
export interface DomainEvents {
  /** Stock of these SKUs moved (a reservation, a release, a group buy), after the change committed. */
  stockChanged: StockChanges;
  /**
   * The same changes, when units may have gone back on the shelf (a release, a refund, a group buy's
   * end): all but a checkout's reservation, which only takes. What back-in-stock requests wait for.
   */
  stockReturned: StockChanges;
  /** The visitor's cart changed (a line set, the cart emptied, bought lines cleared by checkout). */
  cartChanged: {
    visitorId: string;
    /** The new cart, when the change knows it (listeners then need not read it). */
    cart?: Cart;
    /** The visitor's squad (null: none), when the change read it with the cart. */
    squadId?: string | null;
  };
  /** Squads whose members changed (a start, a join, a leave); a visitor leaving one squad for another names both. */
  squadsChanged: { squadIds: string[] };
  /** An order was recorded with its stock reserved, before payment. */
  orderPlaced: { order: Order; source: OrderSource };
  /**
   * An order was paid, declined, or expired (its stock hold ran out before the provider saw the payment).
   * `checkoutMs` runs from the request to this moment (checkout answered in the request only).
   */
  orderSettled: {
    order: Order;
    source: OrderSource;
    outcome: 'paid' | 'declined' | 'expired';
    checkoutMs?: number;
    /** Settling claimed the order's receipt: the mailer sends it in this language (server/mail/orderMails.ts). */
    receipt?: { locale: string };
  };
  /** The venue's open group buys changed (a commit, a fill, an expiry); the whole new picture. */
  groupsChanged: GroupBuysSnapshot;
}

/**
 * Where an order came from: the cart's checkout or a filled group buy (`settleFill` in
 * domain/groupBuy/fill.ts tells both events for each member once the fill is settled).
 */
export type OrderSource = 'checkout' | 'groupBuy';

/** A listener; a returned promise is awaited only to report its failure. */
export type Listener<T> = (payload: T) => void | Promise<void>;

/** A small typed event emitter (plain TypeScript: no Node `EventEmitter`, no Colyseus). */
export interface Emitter<E> {
  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof E>(name: K, listener: Listener<E[K]>): () => void;
  /** Calls every listener of `name` in the order they were added. */
  emit<K extends keyof E>(name: K, payload: E[K]): void;
}

/** What the domain is handed to publish with (it never subscribes). */
export type DomainPublisher = Pick<Emitter<DomainEvents>, 'emit'>;

/**
 * Creates an emitter. A listener that throws or rejects is reported to `onError` and never reaches
 * the publisher: a failed relay must not fail the purchase that caused the event.
 */
export function createEmitter<E>(onError: (name: keyof E, err: unknown) => void = () => {}): Emitter<E> {
  const listeners = new Map<keyof E, Set<Listener<never>>>();
  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener as Listener<never>);
      return () => set.delete(listener as Listener<never>);
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          const result = (listener as Listener<typeof payload>)(payload);
          if (result) result.catch((err: unknown) => onError(name, err));
        } catch (err) {
          onError(name, err);
        }
      }
    },
  };
}

/** The app's domain event bus (one per `createCourtside`). */
export function createDomainEvents(onError?: (name: keyof DomainEvents, err: unknown) => void): Emitter<DomainEvents> {
  return createEmitter<DomainEvents>(onError);
}

/**
 * Publishes committed stock changes as `stockChanged`, and as `stockReturned` unless `onlyTaken` says
 * no unit went back; an empty change is no change and goes nowhere.
 */
export function publishStock(events: DomainPublisher, changes: StockChanges, { onlyTaken = false } = {}): void {
  if (Object.keys(changes).length === 0) return;
  events.emit('stockChanged', changes);
  if (!onlyTaken) events.emit('stockReturned', changes);
}
