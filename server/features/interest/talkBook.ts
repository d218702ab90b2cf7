/**
 * Who talked with whom in one shard, and when: voice signals and nearby chat both record a pair.
 * The interest rule keeps talk partners at the full pose rate for `memoryMs` after their last word,
 * even if they drift apart or the crowd around them is dense.
 */
export interface TalkBook {
  /** Records that `from` talked to each of `to` at `nowMs` (both directions count). */
  record(from: string, to: Iterable<string>, nowMs: number): void;
  /** Those `id` talked with within the memory at `nowMs`; expired pairs are dropped on the way. */
  partnersOf(id: string, nowMs: number): Set<string>;
  /** Drops everything about a visitor who left. */
  forget(id: string): void;
}

/** Makes an empty talk book remembering pairs for `memoryMs`. */
export function createTalkBook(memoryMs: number): TalkBook {
  const pairs = new Map<string, Map<string, number>>();
  const note = (a: string, b: string, at: number) => {
    let mine = pairs.get(a);
    if (!mine) {
      mine = new Map();
      pairs.set(a, mine);
    }
    mine.set(b, at);
  };
  return {
    record(from, to, nowMs) {
      for (const id of to) {
        if (id === from) continue;
        note(from, id, nowMs);
        note(id, from, nowMs);
      }
    },
    partnersOf(id, nowMs) {
      const found = new Set<string>();
      const mine = pairs.get(id);
      if (!mine) return found;
      for (const [other, at] of mine) {
        if (nowMs - at <= memoryMs) found.add(other);
        else mine.delete(other);
      }
      if (mine.size === 0) pairs.delete(id);
      return found;
    },
    forget(id) {
      for (const other of pairs.get(id)?.keys() ?? []) pairs.get(other)?.delete(id);
      pairs.delete(id);
    },
  };
}
