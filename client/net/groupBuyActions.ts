import { API, IDEMPOTENCY_HEADER, Order } from '../../shared/api.ts';
import {
  GroupBuyCommitResponse,
  type GroupBuyCommitRequest,
  groupBuyCommitsPath,
  groupBuyJoinedPath,
  GroupBuyJoinedResponse,
  GroupBuysResponse,
  type MyGroupBuyCommit,
} from '../../shared/groupBuy.ts';
import type { CardDetails } from '../../shared/demoPay.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { GroupProgress } from '../state/groupBuySlice.ts';
import type { CardTokens, PaymentMethodRef } from './cardTokens.ts';
import { bindGroupBuys } from './groupBuyBinding.ts';
import { sharedGroupBuy } from './groupBuyLink.ts';
import { requestJson } from './http.ts';
import { sendWithResends } from './resend.ts';
import type { RoomDoor } from './roomDoor.ts';

/** What the card asks for when the visitor joins a group. */
export interface JoinRequest {
  productId: string;
  colourwayId: string;
  size: string;
  /** Handed to the payment provider for a token (or already one, from Stripe.js); only the token goes to the store. */
  card: CardDetails | PaymentMethodRef;
  /** The group the visitor saw (a group that closed meanwhile is refused, not swapped for a new one). */
  groupId?: string;
  /** One key per attempt; the same key retries it safely (with the same card token). */
  idempotencyKey: string;
}

/** The group-buy calls for this page's store; every answer lands in the group-buy slice. Failures throw `ApiRequestError`. */
export interface GroupBuyActions {
  /** Reads the open groups and the visitor's commits (before the room connects, and after a group closes). */
  load(): Promise<void>;
  /**
   * Commits the visitor to the product's group: the card is tokenized with the payment provider, then
   * one unit is reserved and the card authorized, charged only if it fills. A refused card throws
   * `CardRejectedError` (net/demoPay.ts).
   */
  join(request: JoinRequest): Promise<void>;
  /** Reads who is in the product's open group (squad mates by name, others as a count) into the slice. */
  loadJoined(productId: string): Promise<void>;
}

/**
 * The app's group buys: HTTP calls with the visitor's token and currency, paid with the connection's
 * card tokens, and for each joined room its live progress (see `bindGroupBuys`). `wait` is how a resend
 * waits (tests pass one that does not).
 */
export function createGroupBuys(
  door: RoomDoor,
  store: AppStore,
  cardTokens: CardTokens,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
): GroupBuyActions {
  /** Orders placed by filled groups that the orders panel does not hold yet are fetched into it. */
  const fetchNewOrders = async (commits: readonly MyGroupBuyCommit[]) => {
    const { token, orders } = store.getState();
    const known = new Set(orders.map((o) => o.id));
    const ids = commits.flatMap((c) => (c.orderId && !known.has(c.orderId) ? [c.orderId] : []));
    if (ids.length === 0) return;
    const fresh = await Promise.all(ids.map((id) => requestJson(`${API.orders}/${encodeURIComponent(id)}`, Order, { token })));
    const all = [...fresh, ...store.getState().orders.filter((o) => !ids.includes(o.id))];
    store.getState().setOrders(all.sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  };
  const actions: GroupBuyActions = {
    async load() {
      const { token } = store.getState();
      const body = await requestJson(API.groupBuys, GroupBuysResponse, { token });
      const open: Record<string, GroupProgress> = {};
      for (const g of body.open)
        open[g.productId] = { groupId: g.groupId, committed: g.committed, size: g.size, endsAt: g.endsAt };
      // NOTE: the room's copy is live; an HTTP read only fills in before the room has given one.
      if (Object.keys(store.getState().groupBuys).length === 0) store.getState().setGroupBuys(open);
      store.getState().setMyGroupBuys(body.mine);
      await fetchNewOrders(body.mine);
    },
    async join({ productId, idempotencyKey, card, groupId, ...sku }) {
      const { token, profile } = store.getState();
      const paymentMethod = 'paymentMethod' in card ? card.paymentMethod : (await cardTokens.tokenFor(idempotencyKey, card)).id;
      const body: GroupBuyCommitRequest = {
        ...sku,
        currency: profile.currency,
        payment: { method: 'card', paymentMethod },
        ...(groupId ? { groupId } : {}),
      };
      // NOTE: the same key again while the server may still answer (busy with it, restarting, no answer):
      // the repeat gets the first commit's outcome, never a second hold.
      const { commit } = await sendWithResends(
        () =>
          requestJson(groupBuyCommitsPath(productId), GroupBuyCommitResponse, {
            method: 'POST',
            body,
            token,
            headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
          }),
        wait,
      );
      cardTokens.forget(idempotencyKey);
      store.getState().addMyGroupBuy(commit);
      // NOTE: the commit that fills the group placed an order: the orders panel should show it.
      await fetchNewOrders([commit]);
    },
    async loadJoined(productId) {
      const { token } = store.getState();
      const body = await requestJson(groupBuyJoinedPath(productId), GroupBuyJoinedResponse, { token });
      store.getState().setGroupBuyJoined(productId, body.joined);
    },
  };
  let linkOpened = false;
  door.whileJoined((joined) => {
    // NOTE: a share link (`?groupBuy=ID`) opens that product's card once, on the first join, like a squad invite.
    const shared = typeof location === 'undefined' ? null : sharedGroupBuy(location.search);
    if (shared && !linkOpened) {
      linkOpened = true;
      const s = store.getState();
      if (s.catalog?.products.some((p) => p.id === shared && p.groupBuy)) s.openProduct(shared);
    }
    return bindGroupBuys(joined, store, actions);
  });
  return actions;
}
