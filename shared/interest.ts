/**
 * Interest management: which avatars a visitor receives at the full pose rate. Everyone in a shard
 * sees everyone's looks and a coarse "far" pose (`Player.farX/farZ/farYaw`, rewritten about once a
 * {@link INTEREST.farPeriodMs}); only the full-rate set also gets the fine pose and hands
 * (`Player.x…rightQ`, schema `.view()` fields). The rule is server/features/interest/interestRule.ts.
 */
export const INTEREST = {
  /** A visitor this close (metres, on the floor) joins the full-rate set, nearest first. */
  enterM: 12,
  /** Hysteresis: one already in the set stays until past this distance, so the boundary does not flicker. */
  leaveM: 15,
  /** Hysteresis at the cap too: a member ranks as if this much nearer than a newcomer. */
  keepBonusM: 3,
  /**
   * Most avatars at the full rate per visitor, squad and talk partners included: 24 headset avatars
   * (~750 B/s each) are ~18 kB/s, leaving room under the 25 kB/s budget for the far field and chat.
   */
  maxFullRate: 24,
  /** How often each shard recomputes every visitor's set. */
  intervalMs: 250,
  /** Someone you exchanged voice signals or nearby chat with stays at full rate this long after. */
  talkMemoryMs: 60_000,
  /** The far pose of a moving avatar is rewritten about this often. */
  farPeriodMs: 1000,
  /** At most this many far poses are rewritten a second per shard: the far field's bytes stay bounded in a big crowd. */
  farWritesPerSecond: 500,
  /** A far pose is not rewritten for less movement than this (centimetres, or 1/65536 turns of yaw). */
  farMinMoveCm: 10,
  farMinTurn: 728,
} as const;
