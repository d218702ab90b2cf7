import type { Kysely, Selectable } from 'kysely';
import type { HostInvite } from '../../../shared/eventHosts.ts';
import type { Database, EventHostInvitesTable } from '../../db/schema.ts';

/** A stored host invite, as the server keeps it in memory (never the secret: only its hash is stored). */
export interface InviteRecord {
  id: string;
  eventId: string;
  name: string;
  tokenHash: string;
  createdAtMs: number;
  expiresAtMs: number;
  revokedAtMs: number | null;
}

function record(row: Selectable<EventHostInvitesTable>): InviteRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.host_name,
    tokenHash: row.token_hash,
    createdAtMs: new Date(row.created_at).getTime(),
    expiresAtMs: new Date(row.expires_at).getTime(),
    revokedAtMs: row.revoked_at === null ? null : new Date(row.revoked_at).getTime(),
  };
}

/** An invite as the admin API shows it. */
export function inviteView(invite: InviteRecord): HostInvite {
  return {
    inviteId: invite.id,
    eventId: invite.eventId,
    name: invite.name,
    createdAt: new Date(invite.createdAtMs).toISOString(),
    expiresAt: new Date(invite.expiresAtMs).toISOString(),
    revokedAt: invite.revokedAtMs === null ? null : new Date(invite.revokedAtMs).toISOString(),
  };
}

/** Every invite still unexpired at `nowMs` (what the server must remember to check a host session). */
export async function readLiveInvites(db: Kysely<Database>, nowMs: number): Promise<InviteRecord[]> {
  const rows = await db.selectFrom('event_host_invites').selectAll().where('expires_at', '>', new Date(nowMs)).execute();
  return rows.map(record);
}

/** Stores a new invite. */
export async function insertInvite(db: Kysely<Database>, invite: InviteRecord, createdBy: string): Promise<void> {
  await db
    .insertInto('event_host_invites')
    .values({
      id: invite.id,
      event_id: invite.eventId,
      host_name: invite.name,
      token_hash: invite.tokenHash,
      created_by: createdBy,
      created_at: new Date(invite.createdAtMs),
      expires_at: new Date(invite.expiresAtMs),
    })
    .execute();
}

/** An event's invites, newest first, expired and revoked ones included. */
export async function listInvites(db: Kysely<Database>, eventId: string): Promise<InviteRecord[]> {
  const rows = await db
    .selectFrom('event_host_invites')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(record);
}

/** Marks an event's invite revoked (kept if it was already); undefined when the event has no such invite. */
export async function revokeInvite(
  db: Kysely<Database>,
  eventId: string,
  inviteId: string,
  nowMs: number,
): Promise<InviteRecord | undefined> {
  await db
    .updateTable('event_host_invites')
    .set({ revoked_at: new Date(nowMs) })
    .where('id', '=', inviteId)
    .where('event_id', '=', eventId)
    .where('revoked_at', 'is', null)
    .execute();
  const row = await db
    .selectFrom('event_host_invites')
    .selectAll()
    .where('id', '=', inviteId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row ? record(row) : undefined;
}
