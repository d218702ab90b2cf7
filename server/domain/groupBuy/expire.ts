import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { releaseStock } from '../orderRows.ts';
import type { StockChanges } from '../stock.ts';
import { type GroupBuyDeps, voidQuietly } from './deps.ts';

export type ExpireResult =
  | { kind: 'expired'; stock: StockChanges; voided: number }
  /** Filled or already expired: nothing to do. */
  | { kind: 'closed' }
  /** The window has not ended yet (a timer fired early): try again at `endsAt`. */
  | { kind: 'open'; endsAt: number };

/**
 * Ends a group whose window is over without filling: in one transaction every commit is voided, its
 * unit goes back on the shelf and the group becomes expired; then each card authorization is released.
 * Nobody is charged and no order exists. Safe to call at any time: an open window or a closed group
 * is left alone.
 */
export async function expireGroup(deps: GroupBuyDeps, groupId: string): Promise<ExpireResult> {
  const now = deps.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const group = await trx
      .selectFrom('group_buys')
      .selectAll()
      .where('id', '=', groupId)
      .where('status', '=', 'open')
      .forUpdate()
      .executeTakeFirst();
    if (!group) return { kind: 'closed' } as const;
    const endsAt = new Date(group.ends_at).getTime();
    if (endsAt > now) return { kind: 'open', endsAt } as const;
    const commits = await trx
      .selectFrom('group_buy_commits')
      .select(['colourway_id', 'size', 'authorization_id'])
      .where('group_id', '=', groupId)
      .where('status', '=', 'committed')
      .execute();
    const stock = await releaseStock(
      trx,
      commits.map((c) => ({ productId: group.product_id, colourwayId: c.colourway_id, size: c.size, quantity: 1 })),
    );
    await trx
      .updateTable('group_buy_commits')
      .set({ status: 'voided', updated_at: new Date(now) })
      .where('group_id', '=', groupId)
      .where('status', '=', 'committed')
      .execute();
    await trx
      .updateTable('group_buys')
      .set({ status: 'expired', closed_at: new Date(now) })
      .where('id', '=', groupId)
      .execute();
    return { kind: 'expired', stock, authorizations: commits.map((c) => c.authorization_id) } as const;
  });
  if (result.kind !== 'expired') return result;
  await Promise.all(result.authorizations.map((id) => voidQuietly(deps, id)));
  return { kind: 'expired', stock: result.stock, voided: result.authorizations.length };
}

/** Ids of open groups whose window has already ended (a restart finds them so). */
export async function overdueGroups(db: Kysely<Database>, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('group_buys')
    .select('id')
    .where('status', '=', 'open')
    .where('ends_at', '<=', new Date(now))
    .execute();
  return rows.map((r) => r.id);
}
