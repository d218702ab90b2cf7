import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CartLine } from '../../shared/api.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { SQUAD_MAX_MEMBERS, type SquadView } from '../../shared/together.ts';
import type { Database } from '../db/schema.ts';
import { getCart } from './cartStore.ts';
import { DomainError } from './errors.ts';
import type { DomainPublisher } from './events.ts';
import { newSquadCode, newSquadId } from './ids.ts';

/** How a member shows in the squad: the name and colour they had when they joined. */
export interface MemberProfile {
  visitorId: string;
  name: string;
  color: string;
}

/** What a membership change touched: the squad joined (if any) and the squad left (if any). */
export interface SquadChange {
  squadId: string | null;
  left: string | null;
}

/** A squad as stored, with each member's own cart lines (the squad cart), before it is personalised. */
export interface SquadRecord {
  id: string;
  code: string;
  members: { visitorId: string; memberId: string; name: string; color: string; lines: CartLine[] }[];
}

type Db = Kysely<Database> | Transaction<Database>;

/** Publishes `squadsChanged` for the squads a committed membership change touched. */
function published(events: DomainPublisher, change: SquadChange): SquadChange {
  const squadIds = [...new Set([change.left, change.squadId])].filter((id): id is string => id !== null);
  if (squadIds.length > 0) events.emit('squadsChanged', { squadIds });
  return change;
}

/** Creates a squad with the visitor as its first member (leaving any squad they were in). */
export async function createSquad(db: Kysely<Database>, events: DomainPublisher, member: MemberProfile): Promise<SquadChange> {
  const change = await db.transaction().execute(async (trx) => {
    const left = await leaveIn(trx, member.visitorId);
    const id = newSquadId();
    // NOTE: 31^6 codes make a clash rare; ON CONFLICT DO NOTHING retries without aborting the transaction.
    for (let attempt = 0; attempt < 8; attempt++) {
      const row = await trx
        .insertInto('squads')
        .values({ id, code: newSquadCode() })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) {
        await addMember(trx, id, member);
        return { squadId: id, left };
      }
    }
    throw new Error('could not find a free squad code');
  });
  return published(events, change);
}

/**
 * Joins the squad with this code, leaving the visitor's old squad. Unknown code: `not_found`; a full
 * squad: `forbidden`. Joining the squad one is already in changes nothing.
 */
export async function joinSquad(
  db: Kysely<Database>,
  events: DomainPublisher,
  code: string,
  member: MemberProfile,
): Promise<SquadChange> {
  const change = await db.transaction().execute(async (trx): Promise<SquadChange> => {
    // NOTE: locking the squad row makes concurrent joins count members one after another, so a
    // squad never grows past SQUAD_MAX_MEMBERS.
    const squad = await trx.selectFrom('squads').select('id').where('code', '=', code).forUpdate().executeTakeFirst();
    if (!squad) throw new DomainError(ErrorCode.notFound, `no squad has the code ${code}`);
    const current = await squadOf(trx, member.visitorId);
    if (current === squad.id) return { squadId: squad.id, left: null };
    const { count } = await trx
      .selectFrom('squad_members')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('squad_id', '=', squad.id)
      .executeTakeFirstOrThrow();
    if (Number(count) >= SQUAD_MAX_MEMBERS) {
      throw new DomainError(ErrorCode.forbidden, `that squad is full (${SQUAD_MAX_MEMBERS} members)`);
    }
    const left = await leaveIn(trx, member.visitorId);
    await addMember(trx, squad.id, member);
    return { squadId: squad.id, left };
  });
  return published(events, change);
}

/** Takes the visitor out of their squad; the last member leaving deletes it. Returns the squad left, if any. */
export async function leaveSquad(db: Kysely<Database>, events: DomainPublisher, visitorId: string): Promise<string | null> {
  const left = await db.transaction().execute((trx) => leaveIn(trx, visitorId));
  published(events, { squadId: null, left });
  return left;
}

/** The id of the visitor's squad, or null. */
export async function squadOf(db: Db, visitorId: string): Promise<string | null> {
  const row = await db.selectFrom('squad_members').select('squad_id').where('visitor_id', '=', visitorId).executeTakeFirst();
  return row?.squad_id ?? null;
}

/** The visitor ids of a squad's members (none when it no longer exists): one query, for the squad notifier. */
export async function squadMemberIds(db: Db, squadId: string): Promise<string[]> {
  const rows = await db.selectFrom('squad_members').select('visitor_id').where('squad_id', '=', squadId).execute();
  return rows.map((r) => r.visitor_id);
}

/** A squad with its members (in joining order) and their cart lines, or null when it no longer exists. */
export async function readSquad(db: Kysely<Database>, squadId: string): Promise<SquadRecord | null> {
  const squad = await db.selectFrom('squads').select(['id', 'code']).where('id', '=', squadId).executeTakeFirst();
  if (!squad) return null;
  const rows = await db
    .selectFrom('squad_members')
    .select(['visitor_id', 'name', 'color'])
    .where('squad_id', '=', squadId)
    .orderBy('joined_at')
    .orderBy('visitor_id')
    .execute();
  const members = await Promise.all(
    rows.map(async (r) => ({
      visitorId: r.visitor_id,
      memberId: memberIdOf(squadId, r.visitor_id),
      name: r.name,
      color: r.color,
      lines: (await getCart(db, r.visitor_id)).lines,
    })),
  );
  return { id: squad.id, code: squad.code, members };
}

/**
 * Changes how the visitor shows in their squad (after an avatar change) and publishes `squadsChanged`
 * when something changed. Returns their squad id then, else null.
 */
export async function renameMember(db: Kysely<Database>, events: DomainPublisher, member: MemberProfile): Promise<string | null> {
  const row = await db
    .updateTable('squad_members')
    .set({ name: member.name, color: member.color })
    .where('visitor_id', '=', member.visitorId)
    .where((eb) => eb.or([eb('name', '!=', member.name), eb('color', '!=', member.color)]))
    .returning('squad_id')
    .executeTakeFirst();
  if (row) events.emit('squadsChanged', { squadIds: [row.squad_id] });
  return row?.squad_id ?? null;
}

/**
 * The squad as one member sees it: `self` marks the reader, `sessionId` is filled for members the
 * caller knows to be in the arena (a shard knows its own clients; HTTP knows none).
 */
export function personalise(
  record: SquadRecord,
  readerVisitorId: string,
  sessionOf: (visitorId: string) => string | null = () => null,
): SquadView {
  return {
    id: record.id,
    code: record.code,
    members: record.members.map((m) => ({
      memberId: m.memberId,
      name: m.name,
      color: m.color,
      sessionId: sessionOf(m.visitorId),
      self: m.visitorId === readerVisitorId,
      lines: m.lines,
    })),
  };
}

/** Opaque and stable per squad, so a visitor id is never shown to other visitors. */
function memberIdOf(squadId: string, visitorId: string): string {
  return createHash('sha256').update(`${squadId}:${visitorId}`).digest('base64url').slice(0, 12);
}

async function addMember(trx: Transaction<Database>, squadId: string, member: MemberProfile): Promise<void> {
  await trx
    .insertInto('squad_members')
    .values({ squad_id: squadId, visitor_id: member.visitorId, name: member.name, color: member.color })
    .execute();
}

async function leaveIn(trx: Transaction<Database>, visitorId: string): Promise<string | null> {
  const row = await trx.deleteFrom('squad_members').where('visitor_id', '=', visitorId).returning('squad_id').executeTakeFirst();
  if (!row) return null;
  // NOTE: the squad row is locked first, so a concurrent join either lands before the delete (and
  // keeps the squad) or finds no squad; it never joins a squad being deleted.
  await trx.selectFrom('squads').select('id').where('id', '=', row.squad_id).forUpdate().execute();
  const rest = await trx.selectFrom('squad_members').select('visitor_id').where('squad_id', '=', row.squad_id).limit(1).execute();
  if (rest.length === 0) await trx.deleteFrom('squads').where('id', '=', row.squad_id).execute();
  return row.squad_id;
}
