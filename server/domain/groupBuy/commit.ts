import { sql, type Selectable, type Transaction } from 'kysely';
import type { Product } from '../../../shared/catalog.ts';
import { skuKey } from '../../../shared/catalog.ts';
import { GROUP_BUY_REJECTION, type GroupBuyCommitRequest } from '../../../shared/groupBuy.ts';
import { ErrorCode } from '../../../shared/protocol.ts';
import type { Database, GroupBuysTable } from '../../db/schema.ts';
import { type CheckoutResponse, storeResponse, takeStock } from '../orderRows.ts';
import { replay } from '../idempotency.ts';
import { skuExists } from '../catalog.ts';
import { DomainError } from '../errors.ts';
import { type Payment, PaymentUnavailable } from '../../payments/provider.ts';
import type { StockChanges } from '../stock.ts';
import { groupWindowMs } from './deal.ts';
import { type GroupBuyDeps, voidQuietly } from './deps.ts';
import { fillGroup, settleFill } from './fill.ts';
import {
  COMMITTED_STATUS,
  GROUP_DEAL_SCHEMA_VERSION,
  type GroupDealRecord,
  newCommitId,
  newGroupId,
  toMyCommit,
} from './rows.ts';

/** A commit request after validation (paid with a payment method token, never card digits). */
export type ValidCommitRequest = Omit<GroupBuyCommitRequest, 'payment'> & { payment: { method: 'card'; paymentMethod: string } };

/** What a commit did: the answer for the visitor, and the stock it moved (for every shard's shelves). */
export interface CommitOutcome {
  response: CheckoutResponse;
  stock: StockChanges;
}

const reject = (why: string): never => {
  throw new DomainError(ErrorCode.groupBuyRejected, why);
};

/** Fingerprint of a commit request, to tell a retry from a different request reusing a key (no card data in it). */
function commitHash(deps: GroupBuyDeps, productId: string, r: ValidCommitRequest): string {
  return deps.fingerprint([
    'group-buy',
    productId,
    r.colourwayId,
    r.size,
    r.currency,
    r.payment.paymentMethod,
    r.groupId ?? null,
  ]);
}

/**
 * Commits a visitor to a product's open group (opening one if none is): authorizes the group price on
 * the card, then in one transaction locks the group, checks its window, that the visitor is not in it
 * yet and that it is not full, reserves one unit and records the commit. The commit that fills the
 * group places every member's order (see fill.ts). Rejections are DomainErrors and change nothing;
 * the same key with the same body replays the first answer.
 */
export async function commitToGroup(
  deps: GroupBuyDeps,
  visitorId: string,
  key: string,
  productId: string,
  request: ValidCommitRequest,
): Promise<CommitOutcome> {
  const product = deps.catalog.products.get(productId);
  if (!product) throw new DomainError(ErrorCode.notFound, `no such product: ${productId}`);
  const deal = product.groupBuy ?? reject(`${productId} has no group price`);
  const ref = { productId, colourwayId: request.colourwayId, size: request.size };
  if (!skuExists(deps.catalog, ref)) throw new DomainError(ErrorCode.notFound, `no such colourway and size: ${skuKey(ref)}`);
  const unitPrice = deal.prices[request.currency] ?? reject(`${productId} has no group price in ${request.currency}`);
  const hash = commitHash(deps, productId, request);

  const used = await deps.db
    .selectFrom('idempotency_keys')
    .select('key')
    .where('visitor_id', '=', visitorId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (used) return { response: await replay(deps, visitorId, key, hash), stock: {} };

  // NOTE: authorize before the transaction, so no lock is held while the card network thinks; any
  // rejection after this voids the hold, and a declined card changes nothing at all.
  let hold: Payment;
  try {
    // NOTE: the visitor's key names the hold, so a retry of this commit finds the same hold, never a second one.
    hold = await deps.payments.createPayment({
      reference: `gb_${visitorId}_${key}`,
      amount: unitPrice,
      currency: request.currency,
      paymentMethod: request.payment.paymentMethod,
      capture: 'manual',
    });
  } catch (e) {
    // NOTE: a lost answer is not a decline: the hold may exist. The same request again (same key, so
    // the same reference) finds that hold instead of making a second; one never sent again lapses
    // at the provider uncaptured, and nothing is charged.
    if (e instanceof PaymentUnavailable) {
      throw new DomainError(
        ErrorCode.unavailable,
        'the payment provider did not answer; send the same request again',
        undefined,
        5,
      );
    }
    throw new DomainError(ErrorCode.paymentDeclined, `payment declined: payment provider error: ${(e as Error).message}`);
  }
  if (hold.status !== 'requires_capture') {
    throw new DomainError(
      ErrorCode.paymentDeclined,
      `payment declined: ${(hold.declineCode ?? hold.status).replaceAll('_', ' ')}`,
    );
  }
  const authorizationId = hold.id;

  const ctx: CommitContext = { deps, visitorId, key, hash, product, request, unitPrice, authorizationId };
  let result: Awaited<ReturnType<typeof commitInTransaction>>;
  try {
    result = await deps.db.transaction().execute((trx) => commitInTransaction(trx, ctx));
  } catch (e) {
    await voidQuietly(deps, authorizationId);
    throw e;
  }
  if (result.kind === 'existing') {
    await voidQuietly(deps, authorizationId);
    return { response: await replay(deps, visitorId, key, hash), stock: {} };
  }
  if (!result.filled) return { response: result.response, stock: result.stock };
  const settled = await settleFill(deps, result.filled);
  const response = settled.responses.get(`${visitorId}\n${key}`) ?? (await replay(deps, visitorId, key, hash));
  return { response, stock: { ...result.stock, ...settled.stock } };
}

interface CommitContext {
  deps: GroupBuyDeps;
  visitorId: string;
  key: string;
  hash: string;
  product: Product;
  request: ValidCommitRequest;
  unitPrice: number;
  authorizationId: string;
}

async function commitInTransaction(trx: Transaction<Database>, ctx: CommitContext) {
  const { visitorId, key, product, request } = ctx;
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({ visitor_id: visitorId, key, request_hash: ctx.hash, order_id: null, response_status: null, response_body: null })
    .onConflict((oc) => oc.columns(['visitor_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) return { kind: 'existing' } as const;

  const group = await lockOpenGroup(trx, ctx);
  const mine = await trx
    .selectFrom('group_buy_commits')
    .select('id')
    .where('group_id', '=', group.id)
    .where('visitor_id', '=', visitorId)
    .executeTakeFirst();
  if (mine) reject(GROUP_BUY_REJECTION.alreadyIn);
  if (group.committed >= group.size) reject(GROUP_BUY_REJECTION.full);

  const sku = skuKey({ productId: product.id, colourwayId: request.colourwayId, size: request.size });
  const left = await takeStock(trx, sku, 1);
  if (left === undefined) throw new DomainError(ErrorCode.outOfStock, `${sku} is out of stock`, { skus: [sku] });

  const commitId = newCommitId();
  await trx
    .insertInto('group_buy_commits')
    .values({
      id: commitId,
      group_id: group.id,
      visitor_id: visitorId,
      sku,
      colourway_id: request.colourwayId,
      size: request.size,
      currency: request.currency,
      unit_price: ctx.unitPrice,
      authorization_id: ctx.authorizationId,
      status: 'committed',
      order_id: null,
      idempotency_key: key,
      created_at: new Date(ctx.deps.now()),
      updated_at: new Date(ctx.deps.now()),
    })
    .execute();
  const counted = await trx
    .updateTable('group_buys')
    .set((eb) => ({ committed: eb('committed', '+', 1) }))
    .where('id', '=', group.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const stock = { [sku]: left };
  if (counted.committed >= counted.size) {
    // NOTE: the filling commit's answer is stored once its order is settled (settleFill), as checkout does.
    return { kind: 'committed', stock, filled: await fillGroup(trx, counted, ctx.deps.now()) } as const;
  }
  const row = await trx.selectFrom('group_buy_commits').selectAll().where('id', '=', commitId).executeTakeFirstOrThrow();
  const response: CheckoutResponse = { status: COMMITTED_STATUS, body: { commit: toMyCommit(row, counted, null) } };
  await storeResponse(trx, visitorId, key, response);
  return { kind: 'committed', stock, response } as const;
}

/** The product's open group, locked; opened now if there is none. A named group that is not open is a rejection. */
async function lockOpenGroup(trx: Transaction<Database>, ctx: CommitContext): Promise<Selectable<GroupBuysTable>> {
  const { product, request, deps } = ctx;
  const now = deps.now();
  // NOTE: a concurrent first commit may open the group between our look and our insert; the partial
  // unique index turns our insert into a no-op and the next look finds (and waits for) that group.
  for (let attempt = 0; attempt < 3; attempt++) {
    const open = await trx
      .selectFrom('group_buys')
      .selectAll()
      .where('product_id', '=', product.id)
      .where('status', '=', 'open')
      .forUpdate()
      .executeTakeFirst();
    if (request.groupId !== undefined && open?.id !== request.groupId) await rejectNamedGroup(trx, product.id, request.groupId);
    if (open) {
      if (new Date(open.ends_at).getTime() <= now) reject(GROUP_BUY_REJECTION.windowEnded);
      return open;
    }
    const deal = product.groupBuy as NonNullable<Product['groupBuy']>;
    const record: GroupDealRecord = { windowMinutes: deal.windowMinutes, prices: deal.prices };
    await trx
      .insertInto('group_buys')
      .values({
        id: newGroupId(),
        product_id: product.id,
        status: 'open',
        size: deal.size,
        deal: JSON.stringify(record),
        schema_version: GROUP_DEAL_SCHEMA_VERSION,
        opened_at: new Date(now),
        ends_at: new Date(now + groupWindowMs(deal, deps.windowMs)),
        closed_at: null,
      })
      .onConflict((oc) => oc.column('product_id').where(sql<boolean>`status = 'open'`).doNothing())
      .execute();
  }
  throw new Error(`could not open a group for ${product.id}`);
}

async function rejectNamedGroup(trx: Transaction<Database>, productId: string, groupId: string): Promise<never> {
  const named = await trx.selectFrom('group_buys').select(['status', 'product_id']).where('id', '=', groupId).executeTakeFirst();
  if (!named || named.product_id !== productId) return reject(`no group ${groupId} for ${productId}`);
  return reject(named.status === 'filled' ? GROUP_BUY_REJECTION.full : GROUP_BUY_REJECTION.windowEnded);
}
