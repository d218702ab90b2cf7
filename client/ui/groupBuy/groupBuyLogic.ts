import type { Product } from '../../../shared/catalog.ts';
import { GROUP_BUY_REJECTION, type GroupBuyJoined, groupPrice, type MyGroupBuyCommit } from '../../../shared/groupBuy.ts';
import type { Currency } from '../../../shared/money.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import { CardRejectedError } from '../../net/demoPay.ts';
import { ApiRequestError } from '../../net/http.ts';
import type { GroupProgress } from '../../state/groupBuySlice.ts';

/** What the visitor's own part in a product's group buy is, as the card says it. */
export type MyGroupState = 'none' | 'in' | 'ordered' | 'declined' | 'expired';

/**
 * The visitor's part from their newest commit for the product: waiting in a group, an order placed
 * (paid or declined at capture), or a window that ended with no charge.
 */
export function myGroupState(commit: MyGroupBuyCommit | undefined): MyGroupState {
  if (!commit) return 'none';
  if (commit.status === 'committed') return 'in';
  if (commit.status === 'voided') return 'expired';
  return commit.orderStatus === 'declined' ? 'declined' : 'ordered';
}

/** What the card's group-buy box shows, or null for a product without a deal in this currency. */
export interface GroupBuyView {
  groupPrice: number;
  /** Visitors needed: the open group's size, else the deal's. */
  size: number;
  committed: number;
  /** 0–1, for the progress bar. */
  ratio: number;
  /** Server ms when the open group's window ends; null while no group is open. */
  endsAt: number | null;
  mine: MyGroupState;
}

export function groupBuyView(
  product: Pick<Product, 'groupBuy'>,
  currency: Currency,
  open: GroupProgress | undefined,
  commit: MyGroupBuyCommit | undefined,
): GroupBuyView | null {
  const price = groupPrice(product, currency);
  const deal = product.groupBuy;
  if (price === undefined || !deal) return null;
  const size = open?.size ?? deal.size;
  const committed = open?.committed ?? 0;
  return {
    groupPrice: price,
    size,
    committed,
    ratio: Math.min(1, committed / size),
    endsAt: open?.endsAt ?? null,
    mine: myGroupState(commit),
  };
}

/** Time left as `m:ss` (or `h:mm:ss` past an hour), never negative. */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The i18n key (under `groupBuy.reason`) for why a commit failed. */
export function joinFailureKey(err: unknown): string {
  if (err instanceof CardRejectedError) return 'groupBuy.reason.cardRejected';
  if (!(err instanceof ApiRequestError)) return 'groupBuy.reason.failed';
  if (err.code === ErrorCode.paymentDeclined) return 'groupBuy.reason.declined';
  if (err.code === ErrorCode.outOfStock) return 'groupBuy.reason.soldOut';
  if (err.code === ErrorCode.groupBuyRejected) {
    const known = Object.entries(GROUP_BUY_REJECTION).find(([, message]) => message === err.message);
    return known ? `groupBuy.reason.${known[0]}` : 'groupBuy.reason.rejected';
  }
  return 'groupBuy.reason.failed';
}

/**
 * Whether the card offers "Join group buy": not while the visitor waits in a group, and not once
 * their newest group filled and placed their order (the card says "Group filled" then; a Join
 * under it would read as joining the group that just filled).
 */
export function offersJoin(mine: MyGroupState): boolean {
  return mine !== 'in' && mine !== 'ordered';
}

/** The "who joined" line as an i18n key (under `groupBuy.joined`) and its parameters, or null for nobody. */
export interface JoinedLine {
  key: string;
  params: { names?: string; count?: number };
}

/**
 * Says who is in the open group: squad mates by name (joined as a list in the visitor's language),
 * everyone else as a count; "only you" when the visitor is alone in it. Null when nobody joined.
 */
export function joinedLine(joined: GroupBuyJoined | null | undefined, locale: string): JoinedLine | null {
  if (!joined) return null;
  const names = joined.squadMates.map((m) => m.name);
  const list = names.length > 0 ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) : '';
  if (names.length > 0 && joined.others > 0)
    return { key: 'groupBuy.joined.matesAndOthers', params: { names: list, count: joined.others } };
  if (names.length > 0) return { key: 'groupBuy.joined.mates', params: { names: list } };
  if (joined.others > 0) return { key: 'groupBuy.joined.others', params: { count: joined.others } };
  return joined.you ? { key: 'groupBuy.joined.justYou', params: {} } : null;
}
