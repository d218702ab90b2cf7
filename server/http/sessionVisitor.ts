import type { Visitor } from '../../shared/api.ts';
import type { AppContext } from '../context.ts';
import type { InviteRecord } from '../domain/launch/hostInviteStore.ts';

type Profile = Pick<Visitor, 'name' | 'color' | 'locale' | 'currency'>;

/**
 * The visitor a `POST /api/session` makes: the venue admin with the admin token; an event's host with
 * a live host invite (named as the invite names them: the stage's name plate shows it); else a visitor.
 * NOTE: the caller decides `admin` (the admin token, or an admin session without a new invite) and
 * passes the invite of an earlier host session, so a language change does not take a role away.
 */
export function sessionVisitor(id: string, profile: Profile, admin: boolean, invite: InviteRecord | undefined): Visitor {
  if (admin) return { id, role: 'host', ...profile };
  if (invite) {
    return { id, ...profile, name: invite.name, role: 'eventHost', hostEventId: invite.eventId, hostInviteId: invite.id };
  }
  return { id, role: 'visitor', ...profile };
}

/** The live invite an event host's earlier session was opened with (so a profile change keeps it). */
export function hostInviteOf(ctx: Pick<AppContext, 'hosts'>, previous: Visitor | undefined): InviteRecord | undefined {
  if (previous?.role !== 'eventHost' || previous.hostInviteId === undefined) return undefined;
  return ctx.hosts.find(previous.hostInviteId);
}
