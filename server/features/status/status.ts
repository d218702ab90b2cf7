import { PLAYER_FLAG, type StatusSend } from '../../../shared/together.ts';

/**
 * The player's flags after a `status` message: typing, voice and speaking as the visitor says, the
 * server-owned `muted` and `host` bits kept as they were, and voice/speaking forced off while muted.
 */
export function flagsFromStatus(flags: number, status: StatusSend): number {
  const muted = flags & PLAYER_FLAG.muted;
  let next = (flags & (PLAYER_FLAG.muted | PLAYER_FLAG.host)) | (status.typing ? PLAYER_FLAG.typing : 0);
  if (!muted) next |= (status.voice ? PLAYER_FLAG.voice : 0) | (status.speaking ? PLAYER_FLAG.speaking : 0);
  return next;
}

/** The player's flags after the venue admin mutes (voice and speaking off too) or unmutes them. */
export function flagsWithMute(flags: number, muted: boolean): number {
  if (!muted) return flags & ~PLAYER_FLAG.muted;
  return (flags | PLAYER_FLAG.muted) & ~(PLAYER_FLAG.voice | PLAYER_FLAG.speaking);
}
