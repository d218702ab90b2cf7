import { createOrderActions } from './orderActions.ts';
import { createOfferActions } from './offerActions.ts';
import {
  API,
  BackInStockNotice,
  Cart,
  CatalogResponse,
  OutOfStockLines,
  type Order,
  OrdersResponse,
  SessionResponse,
  type OrderRequest,
} from '../../shared/api.ts';
import { type Catalog, type SkuRef, skuKey } from '../../shared/catalog.ts';
import { type Locale, localize } from '../../shared/i18nText.ts';
import { EventsResponse } from '../../shared/events.ts';
import { MatchInfo } from '../../shared/match.ts';
import { ErrorCode, MSG } from '../../shared/protocol.ts';
import { withLineQuantity } from '../state/cartSlice.ts';
import { createCardTokens } from './cardTokens.ts';
import { type CheckoutIo, isUnsettled, mayAnswerLater, placeOrder, settleOrder } from './checkoutRequest.ts';
import type { Connection } from './connection.ts';
import { ApiRequestError, requestJson } from './http.ts';
import { newIdempotencyKey } from './idempotencyKey.ts';
import { readSavedSession, writeSavedSession } from './savedSession.ts';
import { createRoomLink } from './roomLink.ts';
import type { RoomDeps } from './room.ts';
import { createRoomDoor } from './roomDoor.ts';
import { createRoomStatus } from './statusSender.ts';
import { createChat } from './chatBinding.ts';
import { createSquads } from './squadActions.ts';
import { createGroupBuys } from './groupBuyActions.ts';
import { createEventExtras } from './eventExtrasActions.ts';
import { createVoiceSignals } from './voiceBinding.ts';
import { createStageSignals } from './stageSignalBinding.ts';
import { createQnaActions } from './qnaBinding.ts';
import { httpClockSample, resourceEntries } from './httpClockSample.ts';
import { createHostActions } from './hostActions.ts';
import { forgetHostLink, readHostLink } from './hostLink.ts';

/** Stock levels an `out_of_stock` answer names (`error.lines`: each short line's SKU and what is left). */
function stockOfShortLines(err: unknown): Record<string, number> {
  if (!(err instanceof ApiRequestError) || err.code !== ErrorCode.outOfStock) return {};
  const lines = OutOfStockLines.safeParse((err.body as { error?: { lines?: unknown } } | null)?.error?.lines);
  return lines.success ? Object.fromEntries(lines.data.map((l) => [skuKey(l), l.available])) : {};
}

/** The fresh cart a `409 cart_changed` answer carries, or null for any other failure. */
function changedCart(err: unknown): Cart | null {
  if (!(err instanceof ApiRequestError) || err.code !== ErrorCode.cartChanged) return null;
  const cart = Cart.safeParse((err.body as { error?: { cart?: unknown } } | null)?.error?.cart);
  return cart.success ? cart.data : null;
}

/** "Court Runner 2, size 42": how a notice names a SKU in the visitor's language. */
function skuName(catalog: Catalog | null, ref: SkuRef, locale: Locale): string {
  const product = catalog?.products.find((p) => p.id === ref.productId);
  return `${product ? localize(product.name, locale) : ref.productId} (${ref.size})`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ConnectionOptions extends RoomDeps {
  /** WebSocket endpoint of the room server; defaults to the page's own origin. */
  roomUrl?: string;
}

/**
 * The page's one `Connection`: the HTTP store API plus the arena room, and every feature's traffic
 * (each made here once, sending and listening through the one room door). Every answer is validated
 * by the shared schemas and written into the store as a plain snapshot.
 */
export function createConnection(options: ConnectionOptions): Connection {
  const { store } = options;
  const token = () => store.getState().token;
  const roomUrl = options.roomUrl ?? location.origin.replace(/^http/, 'ws');
  // NOTE: an error reply no feature claims becomes the page's notice, worded by its code.
  const door = createRoomDoor((error) => store.getState().showNotice({ key: `errors.${error.code}` }));
  const room = createRoomLink(roomUrl, { ...options, door });
  const status = createRoomStatus(door);
  let hostToken: string | undefined;

  const onUnauthorized = (err: unknown) => {
    if (err instanceof ApiRequestError && err.code === ErrorCode.unauthorized) writeSavedSession(null);
  };

  const loadCart = async () => {
    store.getState().setCart(await requestJson(API.cart, Cart, { token: token() }));
  };

  const loadOrders = async () => {
    const { orders } = await requestJson(API.orders, OrdersResponse, { token: token() });
    store.getState().setOrders([...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  };

  // NOTE: the cart changed in another tab or device (or a checkout): the room says so to every connection of the visitor.
  door.on(MSG.cart, (cart) => store.getState().receiveCart(cart));
  door.on(MSG.takenOver, () => store.getState().setTakenOver(true));
  // NOTE: a rejoin (a drop the SDK could not mend, a drained server) missed the cart's changes meanwhile;
  // the squad comes with the new room, and voice with the status every new room is sent.
  let joins = 0;
  door.whileJoined(() => {
    if (joins++ > 0) loadCart().catch(() => undefined);
    return () => undefined;
  });
  door.on(MSG.backInStock, (ref) => {
    const s = store.getState();
    s.showNotice({ key: 'cart.backInStock', params: { name: skuName(s.catalog, ref, s.profile.locale) } });
  });

  const setCartLine: Connection['setCartLine'] = async (line) => {
    const before = store.getState().cartLines;
    store.getState().setCartLines(withLineQuantity(before, line));
    try {
      store.getState().setCart(await requestJson(API.cartLines, Cart, { method: 'PUT', body: line, token: token() }));
    } catch (err) {
      store.getState().setCartLines(before);
      throw err;
    }
  };

  const eventExtras = createEventExtras(door, store, setCartLine);

  const checkoutIo: CheckoutIo = { token, wait: sleep };
  const cardTokens = createCardTokens();

  return {
    room: door,
    errors: door.errors,
    status,
    chat: createChat(door, store, status),
    squads: createSquads(door, store),
    groupBuys: createGroupBuys(door, store, cardTokens),
    orders: createOrderActions(store, token),
    offers: createOfferActions(door, store, token),
    voice: createVoiceSignals(door, store),
    stageSignals: createStageSignals(door),
    host: createHostActions(token),
    eventExtras,
    qna: createQnaActions(door, store),

    async loadCatalog() {
      const { catalog, stock } = await requestJson(API.catalog, CatalogResponse);
      store.getState().setCatalog(catalog);
      store.getState().applyStock(stock);
    },

    async resume() {
      const saved = readSavedSession();
      // NOTE: a host link must be opened through the entry screen (a new session), not skipped by a saved one.
      if (!saved || readHostLink() !== null) return false;
      const s = store.getState();
      s.setProfile({
        name: saved.visitor.name,
        color: saved.visitor.color,
        locale: saved.visitor.locale,
        currency: saved.visitor.currency,
      });
      try {
        const cart = await requestJson(API.cart, Cart, { token: saved.token });
        s.setSession(saved.token, saved.visitor);
        s.setCart(cart);
      } catch (err) {
        onUnauthorized(err);
        return false;
      }
      await loadOrders().catch(() => undefined);
      return true;
    },

    async startSession(profile, adminToken = hostToken) {
      // NOTE: remembered for this page, so a language or currency change keeps the host role.
      hostToken = adminToken;
      const hostInvite = readHostLink();
      const response = await requestJson(API.session, SessionResponse, {
        method: 'POST',
        body: {
          name: profile.name.trim(),
          color: profile.color,
          locale: profile.locale,
          currency: profile.currency,
          ...(adminToken ? { adminToken } : {}),
          ...(hostInvite ? { hostInvite } : {}),
        },
        token: token(),
      }).catch(async (err: unknown) => {
        // A stale token must not block a new session: forget it and ask again without it.
        if (!(err instanceof ApiRequestError && err.code === ErrorCode.unauthorized) || !token()) throw err;
        writeSavedSession(null);
        store.setState({ token: null });
        return requestJson(API.session, SessionResponse, {
          method: 'POST',
          body: {
            ...profile,
            name: profile.name.trim(),
            ...(adminToken ? { adminToken } : {}),
            ...(hostInvite ? { hostInvite } : {}),
          },
        });
      });
      if (response.visitor.role === 'eventHost') {
        forgetHostLink();
        // NOTE: a host is named as the venue admin invited them (the server keeps that name on their avatar too).
        store.getState().setProfile({ name: response.visitor.name });
      }
      store.getState().setSession(response.token, response.visitor);
      writeSavedSession({ token: response.token, visitor: response.visitor });
      await Promise.all([loadCart(), loadOrders()]).catch(() => undefined);
    },

    async join() {
      // NOTE: taking the arena back from another tab: this tab missed that tab's cart changes.
      if (store.getState().takenOver) {
        store.getState().setTakenOver(false);
        await loadCart().catch(() => undefined);
      }
      return room.join(token() ?? '');
    },

    setCartLine,

    async requestBackInStock(ref) {
      await requestJson(API.backInStock, BackInStockNotice, { method: 'POST', body: ref, token: token() });
    },

    async checkout(card, contact, idempotencyKey = newIdempotencyKey()) {
      const s = store.getState();
      const { currency } = s.profile;
      const paymentMethod = 'paymentMethod' in card ? card.paymentMethod : (await cardTokens.tokenFor(idempotencyKey, card)).id;
      const body: OrderRequest = { currency, cartVersion: s.cartVersion, payment: { method: 'card', paymentMethod }, ...contact };
      let order: Order;
      try {
        order = await settleOrder(await placeOrder(body, idempotencyKey, checkoutIo), checkoutIo);
      } catch (err) {
        if (!mayAnswerLater(err)) cardTokens.forget(idempotencyKey);
        const fresh = changedCart(err);
        if (fresh) store.getState().setCart(fresh);
        // NOTE: what the server said is left flags the short lines in the cart at once.
        store.getState().applyStock(stockOfShortLines(err));
        throw err;
      }
      // NOTE: an order still under way keeps its token: paying again with the same key gets its outcome.
      if (!isUnsettled(order)) cardTokens.forget(idempotencyKey);
      const rest = store.getState().orders.filter((o) => o.id !== order.id);
      store.getState().setOrders([order, ...rest]);
      if (order.status === 'paid') store.getState().setLastOrder(order);
      // NOTE: a unit won in a drop and paid for now: the drop card says so (the server keeps no message for it).
      if (order.status === 'paid') eventExtras.refreshWon().catch(() => undefined);
      // NOTE: placing an order moves the cart version on, and a paid one takes only the units it sold: reload.
      await loadCart().catch(() => undefined);
      return order;
    },

    loadOrders,

    async loadMatch() {
      store.getState().setMatch(await requestJson(API.match, MatchInfo));
    },

    async loadEvents() {
      const { serverClock } = options;
      const sent = serverClock.localNow();
      const { serverTime, events } = await requestJson(API.events, EventsResponse);
      const received = serverClock.localNow();
      const url = typeof location === 'undefined' ? API.events : new URL(API.events, location.href).href;
      // NOTE: before the room is joined this is the only clock sample; once pings arrive, the fastest samples win.
      serverClock.addSample(httpClockSample(serverTime, sent, received, url, resourceEntries(url), performance.timeOrigin));
      store.getState().setEvents(events);
    },

    controlMatch(control) {
      door.send(MSG.matchControl, control);
    },

    leave: () => room.leave(),
  };
}
