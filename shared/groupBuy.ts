import { z } from 'zod';
import { OrderStatus, PaymentDetails } from './api.ts';
import { type Product, SkuRef } from './catalog.ts';
import { Currency } from './money.ts';

/**
 * Group buy: a product's group price unlocks when `size` visitors commit within the deal's window.
 * A commit reserves one unit and authorizes the card; nobody is charged unless the group fills.
 */

/** Where a group is: taking commits, filled (every member's order placed), or expired (nobody charged). */
export const GroupBuyStatus = z.enum(['open', 'filled', 'expired']);
export type GroupBuyStatus = z.infer<typeof GroupBuyStatus>;

/** Where one visitor's commit is: waiting for the group, turned into an order, or voided at expiry. */
export const GroupBuyCommitStatus = z.enum(['committed', 'ordered', 'voided']);
export type GroupBuyCommitStatus = z.infer<typeof GroupBuyCommitStatus>;

/**
 * Why a commit was refused (`group_buy_rejected`): the error message is one of these, so a client can
 * say it in the visitor's language.
 */
export const GROUP_BUY_REJECTION = {
  windowEnded: "this group's window has ended",
  full: 'this group is already full',
  alreadyIn: 'you have already committed to this group',
} as const;

/** `POST /api/group-buys/:productId/commits` path. */
export function groupBuyCommitsPath(productId: string): string {
  return `/api/group-buys/${encodeURIComponent(productId)}/commits`;
}

/**
 * `POST /api/group-buys/:productId/commits` body (with an `Idempotency-Key` header). `groupId` names
 * the group the visitor saw: if that one is no longer open the commit is rejected rather than opening
 * a new group with another deadline. Without it the visitor joins the open group or opens one.
 */
export const GroupBuyCommitRequest = z.strictObject({
  colourwayId: SkuRef.shape.colourwayId,
  size: SkuRef.shape.size,
  currency: Currency,
  payment: PaymentDetails,
  groupId: z.string().min(1).max(64).optional(),
});
export type GroupBuyCommitRequest = z.input<typeof GroupBuyCommitRequest>;

/** A group as the API shows it. `endsAt` is server time in ms since the epoch. */
export const GroupBuyView = z.object({
  groupId: z.string(),
  productId: z.string(),
  status: GroupBuyStatus,
  committed: z.number().int(),
  size: z.number().int(),
  endsAt: z.number(),
});
export type GroupBuyView = z.infer<typeof GroupBuyView>;

/** The visitor's own commit: which SKU, at what group price, and what became of it. */
export const MyGroupBuyCommit = z.object({
  ...SkuRef.shape,
  groupId: z.string(),
  currency: Currency,
  unitPrice: z.number().int(),
  status: GroupBuyCommitStatus,
  /** The order placed when the group filled (null until then, and forever if it expired). */
  orderId: z.string().nullable(),
  orderStatus: OrderStatus.nullable(),
  group: GroupBuyView,
});
export type MyGroupBuyCommit = z.infer<typeof MyGroupBuyCommit>;

/** `POST /api/group-buys/:productId/commits` answer (201; a retry with the same key replays it). */
export const GroupBuyCommitResponse = z.object({ commit: MyGroupBuyCommit });
export type GroupBuyCommitResponse = z.infer<typeof GroupBuyCommitResponse>;

/** `GET /api/group-buys`: every open group, and the visitor's own commits (newest first) when signed in. */
export const GroupBuysResponse = z.object({ open: z.array(GroupBuyView), mine: z.array(MyGroupBuyCommit) });
export type GroupBuysResponse = z.infer<typeof GroupBuysResponse>;

/** `GET /api/group-buys/:productId/joined` path. */
export function groupBuyJoinedPath(productId: string): string {
  return `/api/group-buys/${encodeURIComponent(productId)}/joined`;
}

/**
 * Who is in a product's open group, as the asking visitor may see it: their squad mates by name, and
 * everyone else only as a count (names of strangers are never sent). `you` says whether the asker is
 * in it. Without a token `squadMates` is empty and `others` counts everyone.
 */
export const GroupBuyJoined = z.object({
  groupId: z.string(),
  committed: z.number().int().min(0),
  size: z.number().int().min(1),
  you: z.boolean(),
  squadMates: z.array(z.object({ name: z.string() })),
  others: z.number().int().min(0),
});
export type GroupBuyJoined = z.infer<typeof GroupBuyJoined>;

/** `GET /api/group-buys/:productId/joined` answer: null while the product has no open group. */
export const GroupBuyJoinedResponse = z.object({ joined: GroupBuyJoined.nullable() });
export type GroupBuyJoinedResponse = z.infer<typeof GroupBuyJoinedResponse>;

/** A product's group price in a currency, or undefined when it has no deal or none in that currency. */
export function groupPrice(product: Pick<Product, 'groupBuy'>, currency: Currency): number | undefined {
  return product.groupBuy?.prices[currency];
}
