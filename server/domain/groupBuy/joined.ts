import type { Kysely } from 'kysely';
import type { GroupBuyJoined } from '../../../shared/groupBuy.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Who is in the product's open group as `viewerId` may see it: squad mates (the viewer's current
 * squad) by the name they have in the squad, everyone else as a count. Null when no group is open.
 * NOTE: strangers' names never leave the server; a visitor sees a name only of someone they squad with.
 */
export async function whoJoined(
  db: Kysely<Database>,
  productId: string,
  viewerId: string | null,
): Promise<GroupBuyJoined | null> {
  const group = await db
    .selectFrom('group_buys')
    .select(['id', 'committed', 'size'])
    .where('product_id', '=', productId)
    .where('status', '=', 'open')
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
  if (!group) return null;
  const commits = await db
    .selectFrom('group_buy_commits')
    .select(['visitor_id'])
    .where('group_id', '=', group.id)
    .where('status', '=', 'committed')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const members = commits.map((c) => c.visitor_id);
  const you = viewerId !== null && members.includes(viewerId);
  const mates = viewerId === null ? [] : await squadMatesIn(db, viewerId, members);
  return {
    groupId: group.id,
    committed: group.committed,
    size: group.size,
    you,
    squadMates: mates.map((name) => ({ name })),
    others: Math.max(0, members.length - mates.length - (you ? 1 : 0)),
  };
}

/** Names (in the order they joined the group) of the viewer's squad mates among `members`, the viewer left out. */
async function squadMatesIn(db: Kysely<Database>, viewerId: string, members: string[]): Promise<string[]> {
  const others = members.filter((id) => id !== viewerId);
  if (others.length === 0) return [];
  const rows = await db
    .selectFrom('squad_members as mine')
    .innerJoin('squad_members as mate', 'mate.squad_id', 'mine.squad_id')
    .select(['mate.visitor_id', 'mate.name'])
    .where('mine.visitor_id', '=', viewerId)
    .where('mate.visitor_id', 'in', others)
    .execute();
  const nameOf = new Map(rows.map((r) => [r.visitor_id, r.name]));
  return others.flatMap((id) => {
    const name = nameOf.get(id);
    return name === undefined ? [] : [name];
  });
}
