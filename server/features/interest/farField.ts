import { INTEREST } from '../../../shared/interest.ts';

/** The parts of a player the far field reads (fine pose) and writes (far pose), in wire integers. */
export interface FarPlayer {
  x: number;
  z: number;
  yaw: number;
  farX: number;
  farZ: number;
  farYaw: number;
}

/** The far field's pace; `INTEREST` by default. */
export type FarLimits = Record<'farPeriodMs' | 'farWritesPerSecond' | 'farMinMoveCm' | 'farMinTurn', number>;

const turnDelta = (a: number, b: number) => {
  const d = Math.abs(a - b) % 65536;
  return Math.min(d, 65536 - d);
};

/** Whether the fine pose has moved far enough from the far pose to be worth a rewrite. */
export function farPoseStale(p: FarPlayer, limits: FarLimits = INTEREST): boolean {
  return (
    Math.hypot(p.x - p.farX, p.z - p.farZ) >= limits.farMinMoveCm || turnDelta(p.yaw ?? 0, p.farYaw ?? 0) >= limits.farMinTurn
  );
}

/**
 * Copies fine poses into far poses, each player at most once a `farPeriodMs` and only when they moved,
 * taking players in turn within a budget of `farWritesPerSecond`. Every visitor in the shard receives
 * these writes, encoded once for all: in a crowd larger than the budget each avatar is simply
 * refreshed less often, so the far field's bytes per visitor stay bounded.
 */
export function createFarField(limits: FarLimits = INTEREST) {
  const written = new Map<string, number>();
  let cursor = 0;
  let credit = 0;
  let lastTick: number | undefined;
  return {
    /** One pass at `nowMs` over the shard's players; returns how many far poses were rewritten. */
    tick(players: ReadonlyArray<readonly [string, FarPlayer]>, nowMs: number): number {
      const elapsed = lastTick === undefined ? 0 : nowMs - lastTick;
      lastTick = nowMs;
      credit = Math.min(limits.farWritesPerSecond, credit + (elapsed * limits.farWritesPerSecond) / 1000);
      let count = 0;
      const n = players.length;
      let i = 0;
      for (; i < n && credit >= 1; i++) {
        const [id, p] = players[(cursor + i) % n]!;
        if (nowMs - (written.get(id) ?? -Infinity) < limits.farPeriodMs || !farPoseStale(p, limits)) continue;
        p.farX = p.x;
        p.farZ = p.z;
        p.farYaw = p.yaw;
        written.set(id, nowMs);
        credit--;
        count++;
      }
      cursor = n === 0 ? 0 : (cursor + i) % n;
      return count;
    },
    /** Forgets a player who left. */
    forget(id: string) {
      written.delete(id);
    },
  };
}
