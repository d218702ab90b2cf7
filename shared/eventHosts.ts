import { z } from 'zod';
import { DisplayName, type Visitor } from './api.ts';
import { EVENT_PHASES, type EventPhase } from './events.ts';

/**
 * Who runs a launch event, and how a brand host is invited to run one.
 *
 * The venue admin (role `host`, a session started with `ADMIN_TOKEN`) runs every event. A brand host
 * runs one: the admin makes a host invite link for that event (`POST /api/events/:id/hosts`), the host
 * opens it (`/?host=<secret>`) and gets a session with role `eventHost` for that event only, until the
 * event's end; the admin can revoke the invite (`DELETE /api/events/:id/hosts/:inviteId`), which ends
 * the session at once.
 */

/**
 * Who may run a launch event (move its phases, open its drop and raffle, push offers, pick questions):
 * the venue admin for every event, an invited event host for their own event only. Server and client
 * ask the same question: the server to refuse a command, the client to show the host bar.
 * NOTE: this reads the session's claims only; the server also refuses a revoked or expired invite
 * (server/auth/hostAccess.ts), which a client cannot know.
 */
export function mayHostEvent(visitor: Pick<Visitor, 'role' | 'hostEventId'> | null | undefined, eventId: string): boolean {
  if (visitor?.role === 'host') return true;
  return visitor?.role === 'eventHost' && eventId !== '' && visitor.hostEventId === eventId;
}

/** The query parameter of a host invite link: `/?host=<secret>`. */
export const HOST_LINK_PARAM = 'host';

/** `POST /api/events/:id/hosts`: who the venue admin invites (their name is on the stage's name plate). */
export const HostInviteRequest = z.strictObject({ name: DisplayName });
export type HostInviteRequest = z.infer<typeof HostInviteRequest>;

/** One host invite as the venue admin sees it (the secret link only in the answer that made it). */
export const HostInvite = z.object({
  inviteId: z.string(),
  eventId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** The event's end when the invite was made: the host's session ends then. */
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type HostInvite = z.infer<typeof HostInvite>;

/** `POST /api/events/:id/hosts`'s answer: the invite and its link, shown once (only its hash is kept). */
export const HostInviteCreated = HostInvite.extend({ link: z.string() });
export type HostInviteCreated = z.infer<typeof HostInviteCreated>;

/** `GET /api/events/:id/hosts`: the event's invites, newest first. */
export const HostInvitesResponse = z.object({ invites: z.array(HostInvite) });
export type HostInvitesResponse = z.infer<typeof HostInvitesResponse>;

/** The phases a host can move an event to (`upcoming` is where every event starts). */
export const HOST_PHASES = ['countdown', 'reveal', 'live', 'ended'] as const satisfies readonly EventPhase[];

/** `POST /api/events/:id/phase`: move the event to this phase now (forward only). */
export const PhaseMoveRequest = z.strictObject({ phase: z.enum(HOST_PHASES) });
export type PhaseMoveRequest = z.infer<typeof PhaseMoveRequest>;

/** Whether an event in phase `from` may be moved to `to`: only forward, never back or to itself. */
export function isForwardMove(from: EventPhase, to: EventPhase): boolean {
  return EVENT_PHASES.indexOf(to) > EVENT_PHASES.indexOf(from);
}
