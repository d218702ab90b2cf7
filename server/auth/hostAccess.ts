import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Visitor } from '../../shared/api.ts';
import { mayHostEvent } from '../../shared/eventHosts.ts';
import type { Database } from '../db/schema.ts';
import { type InviteRecord, insertInvite, listInvites, readLiveInvites, revokeInvite } from '../domain/launch/hostInviteStore.ts';
import { randomId } from '../domain/ids.ts';

/**
 * Who may run which event, with the invites that make brand hosts. The unexpired invites are kept in
 * memory (loaded at start, changed with each create and revoke), so the token check of every request
 * and the check of every room command ask memory, not the database: a revoke takes effect at the next
 * request or command, cached token or not.
 * NOTE: one process owns the venue today; with several, a revoke would also be published over presence.
 */
export interface HostAccess {
  /** Loads the unexpired invites. */
  start(): Promise<void>;
  /** Makes an invite for an event ending at `expiresAtMs`; the secret goes into the link and nowhere else. */
  create(
    eventId: string,
    name: string,
    expiresAtMs: number,
    createdBy: string,
  ): Promise<{ invite: InviteRecord; secret: string }>;
  list(eventId: string): Promise<InviteRecord[]>;
  /** Revokes an event's invite at once; undefined when the event has no such invite. */
  revoke(eventId: string, inviteId: string): Promise<InviteRecord | undefined>;
  /** The live invite a link's secret opens (not revoked, not expired), or undefined. */
  redeem(secret: string): InviteRecord | undefined;
  /** A live invite by id, or undefined. */
  find(inviteId: string): InviteRecord | undefined;
  /** Whether a session's claims still stand: always for visitors and the admin; for an event host while the invite is live. */
  sessionStands(visitor: Pick<Visitor, 'role' | 'hostInviteId'>): boolean;
  /** `mayHostEvent`, and for an event host also a live invite: every host command on the server asks this. */
  mayHost(visitor: Pick<Visitor, 'role' | 'hostEventId' | 'hostInviteId'> | undefined, eventId: string): boolean;
}

/** The SHA-256 (hex) a secret is stored as. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Creates the venue's host access over its database and clock; `revoked` hears each revoke (to tell every shard). */
export function createHostAccess(
  db: Kysely<Database>,
  now: () => number,
  revoked: (inviteId: string) => void = () => undefined,
): HostAccess {
  const byId = new Map<string, InviteRecord>();
  const byHash = new Map<string, InviteRecord>();
  const remember = (invite: InviteRecord) => {
    byId.set(invite.id, invite);
    byHash.set(invite.tokenHash, invite);
  };
  const live = (invite: InviteRecord | undefined): invite is InviteRecord =>
    invite !== undefined && invite.revokedAtMs === null && now() < invite.expiresAtMs;

  const access: HostAccess = {
    async start() {
      for (const invite of await readLiveInvites(db, now())) remember(invite);
    },
    async create(eventId, name, expiresAtMs, createdBy) {
      const secret = randomBytes(24).toString('base64url');
      const invite: InviteRecord = {
        id: randomId('hinv_'),
        eventId,
        name,
        tokenHash: hashSecret(secret),
        createdAtMs: now(),
        expiresAtMs,
        revokedAtMs: null,
      };
      await insertInvite(db, invite, createdBy);
      remember(invite);
      return { invite, secret };
    },
    list: (eventId) => listInvites(db, eventId),
    async revoke(eventId, inviteId) {
      const known = byId.get(inviteId);
      // NOTE: memory first, so a request racing the database write is already refused.
      if (known?.eventId === eventId && known.revokedAtMs === null) known.revokedAtMs = now();
      const stored = await revokeInvite(db, eventId, inviteId, now());
      if (stored) {
        remember(stored);
        revoked(stored.id);
      }
      return stored;
    },
    redeem(secret) {
      const invite = byHash.get(hashSecret(secret));
      return live(invite) ? invite : undefined;
    },
    find(inviteId) {
      const invite = byId.get(inviteId);
      return live(invite) ? invite : undefined;
    },
    sessionStands(visitor) {
      if (visitor.role !== 'eventHost') return true;
      return visitor.hostInviteId !== undefined && live(byId.get(visitor.hostInviteId));
    },
    mayHost(visitor, eventId) {
      return visitor !== undefined && mayHostEvent(visitor, eventId) && access.sessionStands(visitor);
    },
  };
  return access;
}
