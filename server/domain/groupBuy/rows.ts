import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { GroupBuyCommitStatus, GroupBuyStatus, GroupBuyView, MyGroupBuyCommit } from '../../../shared/groupBuy.ts';
import type { Currency } from '../../../shared/money.ts';
import type { Database, GroupBuyCommitsTable, GroupBuysTable } from '../../db/schema.ts';

/** HTTP status of an accepted commit (and of its replays). */
export const COMMITTED_STATUS = 201;

/** Version of the `group_buys.deal` JSON layout (`GroupDealRecord`). */
export const GROUP_DEAL_SCHEMA_VERSION = 1;

/** The deal as stored with a group when it opened, so a later catalog change does not move its terms. */
export interface GroupDealRecord {
  windowMinutes: number;
  prices: Partial<Record<Currency, number>>;
}

/** An opaque group id. */
export function newGroupId(): string {
  return `gb_${randomBytes(12).toString('hex')}`;
}

/** An opaque commit id. */
export function newCommitId(): string {
  return `gbc_${randomBytes(12).toString('hex')}`;
}

/** A group row as the API and the room show it. */
export function toGroupView(row: Selectable<GroupBuysTable>): GroupBuyView {
  return {
    groupId: row.id,
    productId: row.product_id,
    status: row.status as GroupBuyStatus,
    committed: row.committed,
    size: row.size,
    endsAt: new Date(row.ends_at).getTime(),
  };
}

/** A commit row (with its group and its order's status) as its visitor sees it. */
export function toMyCommit(
  row: Selectable<GroupBuyCommitsTable>,
  group: Selectable<GroupBuysTable>,
  orderStatus: string | null,
): MyGroupBuyCommit {
  return {
    productId: group.product_id,
    colourwayId: row.colourway_id,
    size: row.size,
    groupId: row.group_id,
    currency: row.currency as Currency,
    unitPrice: row.unit_price,
    status: row.status as GroupBuyCommitStatus,
    orderId: row.order_id,
    orderStatus: orderStatus as MyGroupBuyCommit['orderStatus'],
    group: toGroupView(group),
  };
}

/** Every open group, oldest first. */
export async function openGroups(db: Kysely<Database>): Promise<GroupBuyView[]> {
  const rows = await db.selectFrom('group_buys').selectAll().where('status', '=', 'open').orderBy('opened_at').execute();
  return rows.map(toGroupView);
}

/** The visitor's commits, newest first, each with its group and the order's status once placed. */
export async function myCommits(db: Kysely<Database>, visitorId: string, limit = 50): Promise<MyGroupBuyCommit[]> {
  const commits = await db
    .selectFrom('group_buy_commits')
    .selectAll()
    .where('visitor_id', '=', visitorId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (commits.length === 0) return [];
  const groups = await db
    .selectFrom('group_buys')
    .selectAll()
    .where(
      'id',
      'in',
      commits.map((c) => c.group_id),
    )
    .execute();
  const orderIds = commits.flatMap((c) => (c.order_id ? [c.order_id] : []));
  const orders = orderIds.length
    ? await db.selectFrom('orders').select(['id', 'status']).where('id', 'in', orderIds).execute()
    : [];
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const statusById = new Map(orders.map((o) => [o.id, o.status]));
  return commits.flatMap((c) => {
    const group = groupById.get(c.group_id);
    return group ? [toMyCommit(c, group, c.order_id ? (statusById.get(c.order_id) ?? null) : null)] : [];
  });
}

/** The venue's open groups as every shard shows them, by product id, and `seq` to drop stale copies. */
export interface GroupBuysSnapshot {
  seq: number;
  groups: Record<string, Pick<GroupBuyView, 'groupId' | 'committed' | 'size' | 'endsAt'>>;
}
