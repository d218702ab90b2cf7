/** One accepted entry, as the gate hands it to be persisted. */
export interface DropEntry {
  visitorId: string;
  enteredAt: number;
}

export type EnterAnswer = 'entered' | 'duplicate' | 'closed';

/**
 * The drop's entry gate: accepts one entry per visitor while the window is open, answering from its
 * own memory, never from the database; the drop persists what it accepted in batches (`batch`, then
 * `persisted` once they are in the database, so an entry leaves the gate only when it is saved).
 * Async so a shared implementation can stand behind it: on Redis (server/cluster/redisGate.ts) `enter`
 * is one script, and an entry outlives the process that took it.
 */
export interface DropGate {
  /** Opens (or, after a restart, reopens) a drop's window until `closesAt`, with the entrants already persisted. */
  open(eventId: string, closesAt: number, entered: readonly string[]): Promise<void>;
  /** One entry per visitor, while the window is open at `now`. */
  enter(eventId: string, visitorId: string, now: number): Promise<EnterAnswer>;
  /** Entries accepted and not yet persisted, oldest first, at most `max` (they stay until `persisted`). */
  batch(eventId: string, max: number): Promise<DropEntry[]>;
  /** The oldest `count` entries are in the database: the gate forgets them as pending. */
  persisted(eventId: string, count: number): Promise<void>;
  /** Entries waiting to be persisted. */
  pending(eventId: string): Promise<number>;
  /** Stops accepting entries for the drop (the draw follows). */
  close(eventId: string): Promise<void>;
  /** Whether the visitor has entered, and how many have. */
  has(eventId: string, visitorId: string): Promise<boolean>;
  count(eventId: string): Promise<number>;
  /** Every entrant of the drop, in the order they entered (the persisted ones first after a restart). */
  entrants(eventId: string): Promise<string[]>;
  /** Forgets a drop (after the draw the entrants' results are the drop's). */
  forget(eventId: string): Promise<void>;
}

interface Window {
  closesAt: number;
  open: boolean;
  entered: Set<string>;
  batch: DropEntry[];
}

/** The embedded gate: this process's memory (one process serves the venue today). */
export function createMemoryGate(): DropGate {
  const windows = new Map<string, Window>();
  return {
    async open(eventId, closesAt, entered) {
      const known = windows.get(eventId);
      const set = known?.entered ?? new Set<string>();
      for (const id of entered) set.add(id);
      windows.set(eventId, { closesAt, open: true, entered: set, batch: known?.batch ?? [] });
    },
    async enter(eventId, visitorId, now) {
      const w = windows.get(eventId);
      if (!w?.open || now >= w.closesAt) return 'closed';
      if (w.entered.has(visitorId)) return 'duplicate';
      w.entered.add(visitorId);
      w.batch.push({ visitorId, enteredAt: now });
      return 'entered';
    },
    async batch(eventId, max) {
      return windows.get(eventId)?.batch.slice(0, max) ?? [];
    },
    async persisted(eventId, count) {
      windows.get(eventId)?.batch.splice(0, count);
    },
    async pending(eventId) {
      return windows.get(eventId)?.batch.length ?? 0;
    },
    async close(eventId) {
      const w = windows.get(eventId);
      if (w) w.open = false;
    },
    async has(eventId, visitorId) {
      return windows.get(eventId)?.entered.has(visitorId) ?? false;
    },
    async count(eventId) {
      return windows.get(eventId)?.entered.size ?? 0;
    },
    async entrants(eventId) {
      return [...(windows.get(eventId)?.entered ?? [])];
    },
    async forget(eventId) {
      windows.delete(eventId);
    },
  };
}
