import { ErrorCode, MSG, type ErrorBody } from '../../../shared/protocol.ts';
import { REMOVAL_MS, type ModerateSend } from '../../../shared/together.ts';

/**
 * The hash part of Colyseus presence: in-process with LocalPresence, shared by every server with
 * RedisPresence. Moderation keeps its venue-wide book there, so every shard reads the same one.
 */
export interface VenueHash {
  hset(key: string, field: string, value: string): Promise<boolean>;
  hget(key: string, field: string): Promise<string | null>;
  hdel(key: string, field: string): Promise<boolean>;
}

/** A moderation action on a visitor (by visitor id, so it outlives their connection). */
export interface ModerationAction {
  action: ModerateSend['action'];
  visitorId: string;
}

const MUTED = 'venue:muted';
const REMOVED = 'venue:removed';

/**
 * The venue admin's book of muted and removed visitors, by visitor id. Mutes last until unmuted;
 * a removal bars rejoining for `removalMs`. Removals are stored as their end time rather than with a
 * key expiry, so no timer outlives the server.
 */
export function createModerationBook(hash: VenueHash, removalMs = REMOVAL_MS) {
  return {
    async isMuted(visitorId: string): Promise<boolean> {
      return (await hash.hget(MUTED, visitorId)) !== null;
    },
    /** Whether the visitor is barred now (an expired removal is forgotten on the way). */
    async isRemoved(visitorId: string, nowMs: number): Promise<boolean> {
      const until = Number((await hash.hget(REMOVED, visitorId)) ?? 0);
      if (until > nowMs) return true;
      if (until > 0) await hash.hdel(REMOVED, visitorId);
      return false;
    },
    async record({ action, visitorId }: ModerationAction, nowMs: number): Promise<void> {
      if (action === 'mute') await hash.hset(MUTED, visitorId, '1');
      else if (action === 'unmute') await hash.hdel(MUTED, visitorId);
      else await hash.hset(REMOVED, visitorId, String(nowMs + removalMs));
    },
  };
}
export type ModerationBook = ReturnType<typeof createModerationBook>;

/**
 * Who a moderation command is about, or why it is refused: only the venue admin (host role) may
 * moderate, never themself, and the target must be a visitor in this shard.
 */
export function moderationTarget(
  role: string | undefined,
  command: ModerateSend,
  selfId: string,
  visitorOf: (sessionId: string) => string | undefined,
): { ok: true; target: ModerationAction } | { ok: false; error: ErrorBody } {
  const refuse = (code: ErrorBody['code'], message: string) => ({
    ok: false as const,
    error: { code, message, type: MSG.moderate },
  });
  if (role !== 'host') return refuse(ErrorCode.forbidden, 'only the venue admin can moderate');
  const visitorId = command.target === selfId ? undefined : visitorOf(command.target);
  if (!visitorId) return refuse(ErrorCode.notFound, `no visitor "${command.target}" in this shard`);
  return { ok: true, target: { action: command.action, visitorId } };
}
